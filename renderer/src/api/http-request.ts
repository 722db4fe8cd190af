import { CLIENT_HEADER, INVOKE_PATH, TOKEN_HEADER } from '../../../shared/ipc/host-protocol'
import { fail } from '../../../shared/result'

/** Requests with bytes (an image) go as a binary body, their other fields as JSON in the query. */
function encode(channel: string, request: unknown): { url: string; type: string; body: BodyInit } {
  if (
    typeof request === 'object' &&
    request !== null &&
    'bytes' in request &&
    request.bytes instanceof Uint8Array
  ) {
    const { bytes, ...fields } = request
    const query = encodeURIComponent(JSON.stringify(fields))
    return {
      url: `${INVOKE_PATH}${channel}?fields=${query}`,
      type: 'application/octet-stream',
      body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    }
  }
  return {
    url: `${INVOKE_PATH}${channel}`,
    type: 'application/json',
    body: JSON.stringify(request),
  }
}

/** Who the page is to the host: its token, and its name as one tab among others. */
export interface HostCredentials {
  token: string
  client: string
}

/** One call of a main-process handler over the browser host's loopback HTTP API. */
export async function sendRequest(
  channel: string,
  request: unknown,
  { token, client }: HostCredentials,
): Promise<unknown> {
  const { url, type, body } = encode(channel, request)
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': type, [TOKEN_HEADER]: token, [CLIENT_HEADER]: client },
      body,
    })
  } catch {
    return fail('io', 'Cannot reach the Copydesk host. Is `copydesk serve` still running?')
  }
  if (response.status === 401) {
    return fail(
      'invalid-request',
      'This page has no valid token: open the address that `copydesk serve` printed.',
    )
  }
  try {
    return await response.json()
  } catch {
    return fail('io', `The Copydesk host sent an unreadable answer (HTTP ${response.status}).`)
  }
}

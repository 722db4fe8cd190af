import { HOST_ASSET_PREFIX } from '../../../shared/assets/asset-urls'
import type { EventName } from '../../../shared/ipc/channels'
import type { Transport } from '../../../shared/ipc/client'
import { EVENTS_PATH, INVOKE_PATH, TOKEN_HEADER } from '../../../shared/ipc/host-protocol'
import { fail } from '../../../shared/ipc/result'

const TOKEN_KEY = 'copydesk.token'

/**
 * The browser host hands out its token in the URL once; it is kept for this tab only and
 * taken out of the address bar so it does not end up in history or screenshots.
 */
export function takeHostToken(location: Location, history: History, storage: Storage): string {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(null, '', url.pathname + url.search + url.hash)
  }
  return fromUrl ?? storage.getItem(TOKEN_KEY) ?? ''
}

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

/** Main's handlers over the browser host's loopback HTTP API, with events over SSE. */
export function httpTransport(token: string): Transport {
  let source: EventSource | undefined
  return {
    isDesktop: false,
    async invoke(channel, request) {
      const { url, type, body } = encode(channel, request)
      let response: Response
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': type, [TOKEN_HEADER]: token },
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
    },
    subscribe(event: EventName, listener) {
      source ??= new EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(token)}`)
      const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data))
      source.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    },
    assetUrl: (articleId, src) =>
      `${HOST_ASSET_PREFIX}${articleId}/${src}?token=${encodeURIComponent(token)}`,
  }
}

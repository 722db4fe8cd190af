import {
  deskAddresses,
  deskStoriesUrl,
  UNKNOWN_DESK_TOKEN,
} from '../../../shared/desk/desk-connection'
import { DeskStoryListSchema, type DeskStoryList } from '../../../shared/desk/desk-story-list'
import { fail, ok, type Failure, type Result } from '../../../shared/result'

/** An unreachable desk answers within this, so the Desk section never waits long to say so. */
export const DESK_REQUEST_TIMEOUT_MS = 5_000

/** Far more than a list of 100,000 stories; a bound for a server that is not a desk. */
const MAX_LIST_BYTES = 64 * 1024 * 1024

export interface DeskConnection {
  /** As set in Settings › Desk: ws, wss, http or https; empty when none is set. */
  address: string
  token: string | undefined
}

/**
 * Why nothing can be asked of the desk yet, in the Desk section's words: no address, or no
 * token, is set. Undefined when both are.
 */
export function missingDeskConnection({
  address,
  token,
}: DeskConnection): { ok: false; error: Failure } | undefined {
  if (!address) return fail('invalid-request', 'No desk address is set. Add it in Settings › Desk.')
  if (!token)
    return fail(
      'permission-denied',
      'No desk token is set. Paste the token the desk gave you in Settings › Desk.',
    )
  return undefined
}

export const notADesk = (address: string) =>
  fail(
    'io',
    `${address} answered, but not as a Copydesk desk server does. Check the address in Settings › Desk.`,
  )

/** The body, or undefined when it runs past `limit` bytes (the rest is not read). */
export async function boundedBody(response: Response, limit: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/**
 * Asks the desk at `url` with the person's token: at each of its addresses in turn, where the
 * desk runs on several servers, until one answers. Failures come back in words a person can act
 * on: no address or token set, no server reachable (or each silent for `timeoutMs`), or the
 * token refused. Any other answer is the caller's to read.
 */
export async function askDesk(
  { address, token }: DeskConnection,
  url: (address: string) => string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<Result<Response>> {
  const missing = missingDeskConnection({ address, token })
  if (missing) return missing
  const { timeoutMs = DESK_REQUEST_TIMEOUT_MS, headers, ...rest } = init
  let response: Response | undefined
  let silent = false
  for (const server of deskAddresses(address)) {
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      response = await fetch(url(server), {
        ...rest,
        headers: { ...headers, Authorization: `Bearer ${token}` },
        // The token goes to the desk's own address, never on to wherever a redirect points.
        redirect: 'manual',
        signal,
      })
      break
    } catch {
      silent ||= signal.aborted
    }
  }
  if (!response) {
    const seconds = Number((timeoutMs / 1000).toFixed(1))
    const why = silent
      ? `did not answer within ${seconds === 1 ? 'a second' : `${seconds} seconds`}`
      : 'cannot be reached'
    return fail(
      'io',
      `The desk server at ${address} ${why}. Check that you are online and the address in Settings › Desk.`,
    )
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel().catch(() => undefined)
    return fail('permission-denied', UNKNOWN_DESK_TOKEN)
  }
  return ok(response)
}

/**
 * The desk's story list, asked of the desk server with the person's token, every failure in
 * words the Desk section shows as they are (see askDesk), or something at the address that is
 * not a desk.
 */
export async function fetchDeskStories(
  connection: DeskConnection,
  { timeoutMs = DESK_REQUEST_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<Result<DeskStoryList>> {
  const asked = await askDesk(connection, deskStoriesUrl, {
    headers: { Accept: 'application/json' },
    timeoutMs,
  })
  if (!asked.ok) return asked
  const response = asked.value
  const { address } = connection
  let text: string | undefined
  try {
    text = response.ok ? (await boundedBody(response, MAX_LIST_BYTES))?.toString('utf8') : undefined
  } catch {
    text = undefined
  }
  if (!response.ok) await response.body?.cancel().catch(() => undefined)
  if (text === undefined) return notADesk(address)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return notADesk(address)
  }
  const list = DeskStoryListSchema.safeParse(json)
  return list.success ? ok(list.data) : notADesk(address)
}

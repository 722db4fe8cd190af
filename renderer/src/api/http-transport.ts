import { fail } from '../../../shared/ipc/result'
import type { Transport } from '../../../shared/ipc/client'
import type { EventName } from '../../../shared/ipc/channels'

const TOKEN_KEY = 'copydesk.token'
export const TOKEN_HEADER = 'x-copydesk-token'

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

/** Main's handlers over the browser host's loopback HTTP API, with events over SSE. */
export function httpTransport(token: string): Transport {
  let source: EventSource | undefined
  return {
    async invoke(channel, request) {
      let response: Response
      try {
        response = await fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(request),
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
      return response.json()
    },
    subscribe(event: EventName, listener) {
      source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
      const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data))
      source.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    },
  }
}

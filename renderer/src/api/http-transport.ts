import { HOST_ASSET_PREFIX } from '../../../shared/assets/asset-urls'
import type { EventName } from '../../../shared/ipc/channels'
import type { Transport } from '../../../shared/ipc/client'
import { EVENTS_PATH } from '../../../shared/ipc/host-protocol'
import { fail } from '../../../shared/result'
import { bodySender } from './body-delta'
import { sendRequest, type HostCredentials } from './http-request'
import type { WorkerAnswer, WorkerRequest } from './http-worker-messages'

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

const CLIENT_KEY = 'copydesk.client'

/**
 * This tab's name, as one editor among the others the host serves (see RequestContext). Kept
 * for the tab's life, so a reload is the same editor and keeps its lock; another tab is another.
 */
export function tabClientId(storage: Storage): string {
  const kept = storage.getItem(CLIENT_KEY)
  if (kept) return kept
  const made = crypto.randomUUID()
  storage.setItem(CLIENT_KEY, made)
  return made
}

/** Runs requests in a worker where the browser has workers; in the page itself otherwise. */
function requestSender(): (
  channel: string,
  request: unknown,
  credentials: HostCredentials,
) => Promise<unknown> {
  if (typeof Worker === 'undefined') return sendRequest
  let worker: Worker | undefined
  let nextId = 0
  const waiting = new Map<number, (answer: unknown) => void>()
  const bodies = bodySender()
  const start = () => {
    bodies.reset()
    const started = new Worker(new URL('./http-worker.ts', import.meta.url), { type: 'module' })
    started.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      waiting.get(data.id)?.(data.answer)
      waiting.delete(data.id)
    }
    // A worker that fails to load or dies answers every waiting request, and is started again.
    started.onerror = (event) => {
      for (const answer of waiting.values())
        answer(
          fail('io', `The page's request worker stopped: ${event.message || 'unknown error'}.`),
        )
      waiting.clear()
      started.terminate()
      worker = undefined
    }
    return started
  }
  return (channel, request, credentials) =>
    new Promise((resolve) => {
      const id = nextId++
      waiting.set(id, resolve)
      const target = (worker ??= start())
      const message: WorkerRequest = { id, channel, credentials, ...bodies.pack(channel, request) }
      try {
        target.postMessage(message)
      } catch (error) {
        // The worker never had this body: the next one goes whole, which fits any it holds.
        bodies.reset()
        waiting.delete(id)
        resolve(fail('invalid-request', `The request could not be sent: ${String(error)}.`))
      }
    })
}

/** Main's handlers over the browser host's loopback HTTP API, with events over SSE. */
export function httpTransport(credentials: HostCredentials): Transport {
  const send = requestSender()
  const { token } = credentials
  let source: EventSource | undefined
  return {
    isDesktop: false,
    invoke: (channel, request) => send(channel, request, credentials),
    subscribe(event: EventName, listener) {
      source ??= new EventSource(
        `${EVENTS_PATH}?token=${encodeURIComponent(token)}&client=${credentials.client}`,
      )
      const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data))
      source.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    },
    assetUrl: (articleId, src) =>
      `${HOST_ASSET_PREFIX}${articleId}/${src}?token=${encodeURIComponent(token)}`,
  }
}

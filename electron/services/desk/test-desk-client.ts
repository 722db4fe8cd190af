import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { parseDeskRefusal, type DeskRefusal } from '../../../shared/desk/desk-refusal'
import { destroyProvider } from './destroy-provider'

export interface DeskTestClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  /** Reasons the server gave for refusing the token or the document. */
  refusals: string[]
  /** Codes the connection itself was closed with (1009: a message too large). */
  socketCloses: number[]
  /** Changes the server refused, with its reasons. */
  refusedChanges: DeskRefusal[]
  /** Resolves once the first sync with the server is done. */
  synced: Promise<void>
  destroy(): void
}

/**
 * A person's connection to a story on a desk server, as the app's provider makes it; `doc` is
 * the machine's copy of the story (a fresh one unless given).
 */
export function connectTestClient(
  url: string,
  story: string,
  token: string,
  doc = new Y.Doc(),
): DeskTestClient {
  const refusals: string[] = []
  const refusedChanges: DeskRefusal[] = []
  const socketCloses: number[] = []
  const websocket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    // A refused client retries quickly, so a test sees the same refusal again soon.
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
  })
  let markSynced: () => void = () => undefined
  const synced = new Promise<void>((resolve) => (markSynced = resolve))
  const provider = new HocuspocusProvider({
    websocketProvider: websocket,
    name: story,
    token,
    document: doc,
    onSynced: () => markSynced(),
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    onStateless: ({ payload }) => {
      const refusal = parseDeskRefusal(payload)
      if (refusal) refusedChanges.push(refusal)
    },
  })
  websocket.on('close', ({ event }: { event: { code: number } }) => socketCloses.push(event.code))
  provider.attach()
  return {
    doc,
    provider,
    refusals,
    refusedChanges,
    socketCloses,
    synced,
    destroy: () => destroyProvider(provider, websocket),
  }
}

/** Waits until the condition holds, polling: for what arrives over the network. */
export async function eventually(
  condition: () => boolean,
  what: string,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

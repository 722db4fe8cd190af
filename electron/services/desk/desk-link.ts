import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider'
import WebSocket from 'ws'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import {
  deskAddresses,
  deskSocketUrl,
  UNKNOWN_DESK_TOKEN,
} from '../../../shared/desk/desk-connection'
import { parseDeskRefusal, type DeskRefusal } from '../../../shared/desk/desk-refusal'
import { fail, ok, type Result } from '../../../shared/result'
import { destroyProvider } from './destroy-provider'
import type { DeskStanding } from './desk-sync-state'

/** How soon a lost connection is tried again, growing to `maxDelayMs`; never given up. */
export interface DeskRetry {
  delayMs: number
  maxDelayMs: number
}

/** A desk that is down is tried every second at first, then every half minute at most. */
export const DEFAULT_DESK_RETRY: DeskRetry = { delayMs: 1_000, maxDelayMs: 30_000 }

export interface DeskLinkOptions {
  /** As set in Settings › Desk (ws, wss, http or https): one address, or several. */
  address: string
  token: string
  /** The story's id, which names its document on the desk. */
  story: string
  doc: Y.Doc
  retry?: DeskRetry
  /** Called whenever the standing may have changed. */
  onStanding?: () => void
  /** The desk refused a change, and why (sent before it closes the connection). */
  onRefused?: (refusal: DeskRefusal) => void
  /** Others in the story moved their caret, came or went: an awareness update naming them. */
  onPresence?: (update: Uint8Array) => void
}

const secondsIn = (ms: number) => {
  const seconds = Number((ms / 1000).toFixed(1))
  return seconds === 1 ? 'a second' : `${seconds} seconds`
}

/**
 * One story's connection to the desk: a Hocuspocus provider on the story's document, retrying
 * for as long as it lives, and what it has learnt of its standing with the desk (connected,
 * synced, changes unconfirmed, refused and why).
 */
export class DeskLink {
  private connected = false
  private everConnected = false
  /** Only the token is judged at authentication: a story's id always names a document. */
  private tokenRefused = false
  private refusedChange: string | undefined
  private destroyed = false
  private readonly watchers = new Set<() => void>()
  private readonly websocket: HocuspocusProviderWebsocket
  private readonly provider: HocuspocusProvider

  constructor(private readonly options: DeskLinkOptions) {
    const retry = options.retry ?? DEFAULT_DESK_RETRY
    const servers = deskAddresses(options.address).map(deskSocketUrl)
    this.websocket = new HocuspocusProviderWebsocket({
      url: servers[0] ?? '',
      // Electron's main process and plain Node both get the same WebSocket: the `ws` package.
      WebSocketPolyfill: WebSocket,
      delay: retry.delayMs,
      minDelay: retry.delayMs,
      maxDelay: retry.maxDelayMs,
      // 0: no limit. A desk that is down must never stop a reporter writing, nor their changes
      // going out once it is back.
      maxAttempts: 0,
    })
    this.provider = new HocuspocusProvider({
      websocketProvider: this.websocket,
      name: options.story,
      token: options.token,
      document: options.doc,
      onStatus: ({ status }) => {
        this.connected = status === WebSocketStatus.Connected
        if (this.connected) this.everConnected = true
        this.changed()
      },
      onSynced: () => this.changed(),
      onUnsyncedChanges: () => this.changed(),
      onAuthenticated: () => {
        this.tokenRefused = false
        this.changed()
      },
      // Only the token's refusal is lasting: a desk that failed to check it (one stopping, its
      // records busy) answers "permission-denied", and the next connection asks again.
      onAuthenticationFailed: ({ reason }) => {
        this.tokenRefused = reason === UNKNOWN_DESK_TOKEN
        this.changed()
      },
      onStateless: ({ payload }) => {
        const refusal = parseDeskRefusal(payload)
        if (!refusal) return
        this.refusedChange = refusal.reason
        options.onRefused?.(refusal)
        this.changed()
      },
    })
    const { awareness } = this.provider
    // Every renewal is passed on, not only changes: the page drops a state not renewed in 30 s.
    awareness?.on(
      'update',
      ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
        const others = [...added, ...updated, ...removed].filter(
          (client) => client !== awareness.clientID,
        )
        if (others.length > 0) options.onPresence?.(encodeAwarenessUpdate(awareness, others))
      },
    )
    // A desk on several servers: a connection lost or never made is tried next at the next one,
    // which has the story too (the servers share it through Redis).
    if (servers.length > 1) {
      let current = 0
      this.websocket.on('close', () => {
        current = (current + 1) % servers.length
        this.websocket.configuration.url = servers[current] ?? ''
      })
    }
    this.provider.attach()
  }

  /** This person's caret and name as the page last set them, for the others in the story. */
  setPresence(state: Record<string, unknown> | null): void {
    this.provider.awareness?.setLocalState(state)
  }

  standing(): DeskStanding {
    const refusal = this.tokenRefused ? UNKNOWN_DESK_TOKEN : this.refusedChange
    return {
      connected: this.connected,
      synced: this.provider.isSynced,
      unsyncedChanges: this.provider.unsyncedChanges,
      ...(refusal !== undefined && { refusal }),
    }
  }

  /**
   * Resolves once the desk has every change made to the document so far (synced, nothing
   * unconfirmed), or with why not: the token or a change refused, the desk unreachable or silent
   * for `timeoutMs`, the connection closed here first.
   */
  confirmed(timeoutMs: number): Promise<Result<null>> {
    return new Promise((resolve) => {
      const finish = (result: Result<null>) => {
        clearTimeout(timer)
        this.watchers.delete(check)
        resolve(result)
      }
      const check = () => {
        if (this.destroyed)
          return finish(fail('io', 'The connection to the desk was closed before it answered.'))
        if (this.tokenRefused) return finish(fail('permission-denied', UNKNOWN_DESK_TOKEN))
        if (this.refusedChange !== undefined)
          return finish(
            fail('invalid-request', `The desk refused the story: ${this.refusedChange}`),
          )
        const { connected, synced, unsyncedChanges } = this.standing()
        if (connected && synced && unsyncedChanges === 0) finish(ok(null))
      }
      const timer = setTimeout(() => {
        const { address } = this.options
        finish(
          this.everConnected
            ? fail(
                'io',
                `The desk server at ${address} did not confirm the story within ${secondsIn(timeoutMs)}. Check that you are online and try again.`,
              )
            : fail(
                'io',
                `The desk server at ${address} cannot be reached. Check that you are online and the address in Settings › Desk.`,
              ),
        )
      }, timeoutMs)
      this.watchers.add(check)
      check()
    })
  }

  /** Closes the connection for good; changes not yet sent stay in the document (and the replica). */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    destroyProvider(this.provider, this.websocket)
    this.changed()
  }

  private changed(): void {
    for (const watcher of [...this.watchers]) watcher()
    if (!this.destroyed) this.options.onStanding?.()
  }
}

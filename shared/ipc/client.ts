import type { ChannelName, EventName } from './channels'
import type { EventPayloadOf, RequestOf, ResponseOf } from './contract'

/** How a client reaches main: Electron's preload bridge or the browser host's HTTP API. */
export interface Transport {
  invoke(channel: ChannelName, request: unknown): Promise<unknown>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
  /** A URL the page can load an article's image from. */
  assetUrl(articleId: string, src: string): string
  /** True in the desktop app, where main can show native dialogs. */
  readonly isDesktop: boolean
}

/** The renderer's typed view of main, the same over either transport. */
export interface CopydeskClient {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void
  assetUrl(articleId: string, src: string): string
  readonly isDesktop: boolean
}

export function createClient(transport: Transport): CopydeskClient {
  return {
    invoke: (channel, request) => transport.invoke(channel, request) as Promise<never>,
    on: (event, listener) => transport.subscribe(event, listener as (payload: unknown) => void),
    assetUrl: (articleId, src) => transport.assetUrl(articleId, src),
    isDesktop: transport.isDesktop,
  }
}

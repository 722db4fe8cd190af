import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'

/**
 * Ends a provider and its connection. A socket closed while still connecting reports that as an
 * error after the provider's listeners are gone; unheard, the error would end the whole process
 * (the app's main, the host, a test run).
 */
export function destroyProvider(
  provider: HocuspocusProvider,
  websocket: HocuspocusProviderWebsocket,
): void {
  const socket = websocket.webSocket
  if (socket instanceof WebSocket) socket.on('error', () => undefined)
  provider.destroy()
  websocket.destroy()
}

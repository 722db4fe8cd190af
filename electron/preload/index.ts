import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { PreloadBridge } from '../../shared/ipc/bridge'
import { eventChannel, isChannelName, isEventName } from '../../shared/ipc/channels'

/**
 * All the page gets: `invoke` for the contract's channels and `on` for its events. No
 * ipcRenderer, no Node, no other channel names.
 */
const bridge: PreloadBridge = {
  invoke(channel: unknown, request: unknown): Promise<unknown> {
    if (!isChannelName(channel))
      return Promise.reject(new Error(`unknown channel ${String(channel)}`))
    return ipcRenderer.invoke(channel, request)
  },
  on(event: unknown, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`)
    const forward = (_: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(eventChannel(event), forward)
    return () => ipcRenderer.removeListener(eventChannel(event), forward)
  },
}

contextBridge.exposeInMainWorld('copydesk', bridge)

/** What the Electron preload exposes on `window.copydesk`; the renderer wraps it in a Transport. */
export interface PreloadBridge {
  invoke(channel: unknown, request: unknown): Promise<unknown>
  on(event: unknown, listener: (payload: unknown) => void): () => void
}

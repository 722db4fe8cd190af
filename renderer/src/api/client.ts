import { APP_ORIGIN, ELECTRON_ASSET_PREFIX } from '../../../shared/assets/asset-urls'
import type { PreloadBridge } from '../../../shared/ipc/bridge'
import { createClient, type Transport } from '../../../shared/ipc/client'
import { httpTransport, tabClientId, takeHostToken } from './http-transport'

declare global {
  interface Window {
    /** Present only inside Electron, put there by the preload. */
    copydesk?: PreloadBridge
  }
}

function bridgeTransport(bridge: PreloadBridge): Transport {
  return {
    isDesktop: true,
    invoke: (channel, request) => bridge.invoke(channel, request),
    subscribe: (event, listener) => bridge.on(event, listener),
    assetUrl: (articleId, src) => `${APP_ORIGIN}${ELECTRON_ASSET_PREFIX}${articleId}/${src}`,
  }
}

/** The one client the UI talks to main through, whichever host it runs in. */
export const client = createClient(
  window.copydesk
    ? bridgeTransport(window.copydesk)
    : httpTransport({
        token: takeHostToken(window.location, window.history, window.sessionStorage),
        client: tabClientId(window.sessionStorage),
      }),
)

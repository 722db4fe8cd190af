import { protocol } from 'electron'
import {
  APP_ORIGIN,
  APP_SCHEME,
  ELECTRON_ASSET_PREFIX,
  parseAssetPath,
} from '../../shared/assets/asset-urls'
import {
  pictureHeaders,
  readStaticFile,
  rendererFileHeaders,
} from '../services/platform/served-files'
import type { AssetStore } from '../services/library/asset-store'
import { urlOrigin } from './url-origin'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer, and article images under /library-assets/<id>/assets/<file>. */
export function serveRenderer(rendererDir: string, assets: AssetStore): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (urlOrigin(request.url) !== APP_ORIGIN) return new Response('Not found', { status: 404 })
    const { pathname } = new URL(request.url)
    const asset = parseAssetPath(pathname, ELECTRON_ASSET_PREFIX)
    if (asset) {
      const image = await assets.read(asset.articleId, asset.src)
      if (!image.ok) return new Response(image.error.message, { status: 404 })
      return new Response(new Uint8Array(image.value.bytes), {
        headers: pictureHeaders(image.value.mimeType),
      })
    }
    const file = await readStaticFile(rendererDir, pathname)
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: rendererFileHeaders(file.contentType),
    })
  })
}

import { protocol } from 'electron'
import { readStaticFile } from '../host/static-files'
import { RENDERER_CSP_HEADER } from '../../shared/security/content-security-policy'
import { urlOrigin } from './url-origin'

/** The app's pages come from app://copydesk/ rather than file://, so they get a real origin. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://copydesk`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file =
      urlOrigin(request.url) === APP_ORIGIN
        ? await readStaticFile(rendererDir, url.pathname)
        : undefined
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': RENDERER_CSP_HEADER,
        'x-content-type-options': 'nosniff',
      },
    })
  })
}

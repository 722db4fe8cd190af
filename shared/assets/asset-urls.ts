/**
 * Where the renderer loads an article's images from. Both hosts serve them under the app's own
 * origin, so the page's CSP (img-src 'self') needs no exception.
 */
export const ELECTRON_ASSET_PREFIX = '/library-assets/'

/** The desktop app's pages come from app://copydesk/ rather than file://, so they get a real origin. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://copydesk`
export const HOST_ASSET_PREFIX = '/api/assets/'

/** Parses `<prefix><articleId>/<src>`; undefined when the path is anything else. */
export function parseAssetPath(
  pathname: string,
  prefix: string,
): { articleId: string; src: string } | undefined {
  if (!pathname.startsWith(prefix)) return undefined
  let rest: string
  try {
    rest = decodeURIComponent(pathname.slice(prefix.length))
  } catch {
    return undefined
  }
  const match = /^([0-9a-f-]{36})\/(assets\/[^/]+)$/.exec(rest)
  return match?.[1] && match[2] ? { articleId: match[1], src: match[2] } : undefined
}

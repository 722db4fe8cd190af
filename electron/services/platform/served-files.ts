import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { RENDERER_CSP_HEADER } from '../../../shared/security/content-security-policy'
import { isInside } from '../disk/contained-path'
import { isErrnoException } from '../disk/fs-failure'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * Files both hosts serve to the page: the built renderer's, and articles' pictures, with the same
 * headers from either.
 */

/** Reads a file of the built renderer; anything outside its folder is simply not there. */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<StaticFile | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '')
  const path = join(root, relative)
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep) || relative.includes('\0'))
    return undefined
  if (!(await isInside(root, path))) return undefined
  try {
    return {
      body: await readFile(path),
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    }
  } catch (error) {
    if (isErrnoException(error) && (error.code === 'ENOENT' || error.code === 'EISDIR'))
      return undefined
    throw error
  }
}

/** The headers of a file of the built renderer, served by the desktop app or the browser host. */
export const rendererFileHeaders = (contentType: string): Record<string, string> => ({
  'content-type': contentType,
  'content-security-policy': RENDERER_CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
})

/**
 * The headers of an article's picture: nothing in it may run, and its name is made from its
 * bytes, so it never changes under that name.
 */
export const pictureHeaders = (mimeType: string): Record<string, string> => ({
  'content-type': mimeType,
  'content-security-policy': "default-src 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, max-age=31536000, immutable',
})

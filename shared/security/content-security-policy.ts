/**
 * The renderer's Content-Security-Policy, the same in Electron and the browser host: only the
 * app's own scripts, no eval, no remote origins, no plugins, no framing, no form posts.
 * Inline styles stay allowed because ProseMirror and React set style attributes.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ')

/** Response headers add what a <meta> policy cannot carry: no framing by any other page. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`

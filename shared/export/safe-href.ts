const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** Keeps a link only when it is http(s) or mailto; `javascript:` and friends become nothing. */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href.trim()).protocol) ? href.trim() : undefined
  } catch {
    return undefined
  }
}

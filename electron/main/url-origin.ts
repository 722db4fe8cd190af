/**
 * scheme://host of a URL, or undefined when it does not parse. Node's URL gives custom schemes
 * an opaque "null" origin, so `URL.origin` cannot be used to recognise app:// pages.
 */
export function urlOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return undefined
  }
}

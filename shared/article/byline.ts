import type { BylineEntry } from './schema'

/** "By Jane Doe and Sam Lee (Additional reporting)": how a byline reads in print and on the web. */
export function formatByline(byline: BylineEntry[]): string {
  if (byline.length === 0) return ''
  const people = byline.map(({ name, role }) => (role ? `${name} (${role})` : name))
  const last = people.pop() as string
  return `By ${people.length ? `${people.join(', ')} and ${last}` : last}`
}

/** "By", as bylines in English, French, German, Spanish, Dutch, Scandinavian and Polish say it. */
export const BYLINE_PREFIX = /^\s*(?:by|par|von|por|door|av|af|przez)\s+/i

/** Reads "Jane Doe, Sam Lee (Additional reporting)" as typed into a single byline field. */
export function parseBylineText(text: string): BylineEntry[] {
  return text
    .replace(BYLINE_PREFIX, '')
    .split(/\s*(?:,|;|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(.*?)\s*\(([^)]+)\)$/.exec(part)
      return match?.[1] && match[2] ? { name: match[1], role: match[2].trim() } : { name: part }
    })
}

/** The inverse of `parseBylineText`, for putting a byline back in a text field. */
export function bylineToText(byline: BylineEntry[]): string {
  return byline.map(({ name, role }) => (role ? `${name} (${role})` : name)).join(', ')
}

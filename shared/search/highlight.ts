import { normalizeTerm, wordsWithOffsets } from './search-terms'

/** A run of text, marked when it is one of the words the search matched. */
export interface TextPart {
  text: string
  match: boolean
}

/**
 * Splits text into plain and matching runs. `terms` are the index terms a search matched (already
 * normalized); a word matches when it is one of them, or when the query was a prefix of it.
 */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  const wanted = new Set(terms)
  const parts: TextPart[] = []
  let at = 0
  for (const { word, start } of wordsWithOffsets(text)) {
    if (!wanted.has(normalizeTerm(word))) continue
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: word, match: true })
    at = start + word.length
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}

/**
 * A passage of about `length` characters around the first matching word, cut at word
 * boundaries, with an ellipsis where it was cut. Undefined when no word matches.
 */
export function snippetAround(
  text: string,
  terms: readonly string[],
  length = 160,
): string | undefined {
  const wanted = new Set(terms)
  for (const { word, start } of wordsWithOffsets(text)) {
    if (!wanted.has(normalizeTerm(word))) continue
    const from = Math.max(0, start - Math.floor(length / 3))
    const to = Math.min(text.length, from + length)
    const open = from === 0 ? 0 : text.indexOf(' ', from) + 1
    const close = to === text.length ? to : Math.max(text.lastIndexOf(' ', to), start + word.length)
    const passage = text.slice(open, close).replace(/\s+/g, ' ').trim()
    return `${open > 0 ? '…' : ''}${passage}${close < text.length ? '…' : ''}`
  }
  return undefined
}

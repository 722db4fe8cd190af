/** How a body sent as text opens, as `encodeBody` and `JSON.stringify` write it. */
const DOC_OPENING = '{"type":"doc","content":['
const DOC_CLOSING = ']}'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d

/** Where the string opened at `opening` closes: the next quote not escaped by a backslash. */
function closingQuote(text: string, opening: number): number {
  let quote = text.indexOf('"', opening + 1)
  while (quote > 0) {
    let backslashes = 0
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1
    if (backslashes % 2 === 0) return quote
    quote = text.indexOf('"', quote + 1)
  }
  return -1
}

/**
 * The JSON text of each top-level block of a body sent as text, found in one pass over it: the
 * memory of valid blocks knows blocks by their text, and serializing every block of a
 * 50,000-word story again to look it up took 5 ms of each save. `text` must be valid JSON (it
 * was parsed first), so brackets and commas inside strings are the only ones that do not
 * nest or part blocks. Undefined for a body of any other shape; the caller then serializes.
 */
export function topLevelBlockTexts(text: string): string[] | undefined {
  if (!text.startsWith(DOC_OPENING) || !text.endsWith(DOC_CLOSING)) return undefined
  const end = text.length - DOC_CLOSING.length
  const texts: string[] = []
  let start = DOC_OPENING.length
  let depth = 0
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) {
      // Most of a story's text is in strings: jump to the quote that closes this one.
      index = closingQuote(text, index)
      if (index < 0 || index >= end) return undefined
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1
      // The content array closed early: more members follow it ({"content":[…],"attrs":[…]}).
      if (depth < 0) return undefined
    } else if (code === COMMA && depth === 0) {
      texts.push(text.slice(start, index))
      start = index + 1
    }
  }
  if (depth !== 0) return undefined
  if (end > start) texts.push(text.slice(start, end))
  return texts
}

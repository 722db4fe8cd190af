/**
 * How text becomes search terms, in one place: the index, the query and the highlighter must
 * agree, or a found word would not light up.
 */

/** Spaces, line breaks and punctuation separate words (as in MiniSearch's default tokenizer). */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/u
const WORD = /[^\n\r\p{Z}\p{P}]+/gu

export function tokenize(text: string): string[] {
  return text.split(SEPARATOR).filter(Boolean)
}

/** Case and accents do not matter: "montreal" finds "Montréal", "obrien" does not need the ’. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Each word of `text` with where it starts, for highlighting. */
export function* wordsWithOffsets(text: string): Generator<{ word: string; start: number }> {
  for (const match of text.matchAll(WORD)) yield { word: match[0], start: match.index }
}

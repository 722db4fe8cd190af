import type { TiptapNode } from './tiptap-json'
import { acceptedText, countWords } from './words'

/** Adult news readers manage about 230 words a minute on screen. */
export const WORDS_PER_MINUTE = 230

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Characters as a reader sees them: "é" and "👍🏽" count once each. */
export function countCharacters(text: string): number {
  // Without combining marks, joiners, variation selectors or astral characters, each UTF-16
  // unit is one character: the common case, and far faster than segmenting.
  if (!/\p{M}|\u200d|\ufe0e|\ufe0f|[\u{10000}-\u{10ffff}]/u.test(text)) return text.length
  let count = 0
  // Cut at line breaks, which no grapheme spans, to keep segmenting linear (see words.ts).
  for (const line of text.split('\n')) {
    const segments = graphemes.segment(line)[Symbol.iterator]()
    while (!segments.next().done) count++
  }
  return count + (text.match(/\n/g)?.length ?? 0)
}

export interface TextCounts {
  words: number
  characters: number
  /** Whole minutes, at least 1 once there is any text. */
  readingMinutes: number
}

export function countText(text: string): TextCounts {
  const words = countWords(text)
  return {
    words,
    characters: countCharacters(text),
    readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  }
}

/**
 * The counts of an article body, as it will read once its suggestions are accepted: a word
 * suggested for deletion is not one the story will carry, and a replacement counts once.
 */
export function countBody(body: TiptapNode): TextCounts {
  return countText(acceptedText(body))
}

export interface LimitCheck {
  count: number
  limit: number
  /** How many characters over the limit; 0 when within it. Over is shown, never blocked. */
  over: number
}

export function checkLimit(text: string, limit: number): LimitCheck {
  const count = countCharacters(text)
  return { count, limit, over: Math.max(0, count - limit) }
}

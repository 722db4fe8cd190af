import { countWords } from './words'

/** Adult news readers manage about 230 words a minute on screen. */
export const WORDS_PER_MINUTE = 230

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Characters as a reader sees them: "é" and "👍🏽" count once each. */
export function countCharacters(text: string): number {
  let count = 0
  const segments = graphemes.segment(text)[Symbol.iterator]()
  while (!segments.next().done) count++
  return count
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

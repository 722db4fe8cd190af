/**
 * How much of an expected text an extracted one has, as the web-extraction literature measures
 * it: four-word shingles shared by both, counted with multiplicity. A token is a run of letters
 * and digits in any alphabet, lower case; in scripts written without spaces (Chinese, Japanese,
 * Korean) each character is one, as segmenters for those languages' benchmarks count them.
 */
export interface Overlap {
  precision: number
  recall: number
  f1: number
}

const SHINGLE_WORDS = 4

const WRITTEN_WITHOUT_SPACES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu

export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(WRITTEN_WITHOUT_SPACES, ' $& ')
    .match(/[\p{L}\p{N}]+/gu) ?? []

function shingles(text: string): Map<string, number> {
  const words = wordsOf(text)
  const counts = new Map<string, number>()
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
    const shingle = words.slice(start, start + SHINGLE_WORDS).join(' ')
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1)
  }
  return counts
}

export function textOverlap(extracted: string, expected: string): Overlap {
  const got = shingles(extracted)
  const wanted = shingles(expected)
  let shared = 0
  let gotTotal = 0
  let wantedTotal = 0
  for (const [shingle, count] of got) {
    gotTotal += count
    shared += Math.min(count, wanted.get(shingle) ?? 0)
  }
  for (const count of wanted.values()) wantedTotal += count
  // Nothing expected and nothing found is a perfect answer; either alone is none.
  if (gotTotal === 0 && wantedTotal === 0) return { precision: 1, recall: 1, f1: 1 }
  const precision = gotTotal === 0 ? 0 : shared / gotTotal
  const recall = wantedTotal === 0 ? 0 : shared / wantedTotal
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

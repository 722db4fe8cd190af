/**
 * Lines as a browser or a page layout sets them: first fit, word by word, breaking a word only at
 * its hyphenation points (soft hyphens) where the whole word does not fit, with a hyphen drawn at
 * the break. Widths come from the caller, in any unit, so the same breaker serves a real font's
 * metrics and a test's.
 */

export const SOFT_HYPHEN = '\u00ad'

export interface Measure {
  /** A run of text without spaces (soft hyphens in it are not drawn). */
  width(text: string): number
  space: number
  /** The hyphen drawn where a word is broken. */
  hyphen: number
}

export interface SetParagraph {
  lines: string[]
  /** The last line is one short word: a widow the desk may want to pull back. */
  widow: boolean
}

/** A last line of one word this short or shorter reads as a widow. */
const WIDOW_CHARACTERS = 8

const visible = (text: string) => text.replaceAll(SOFT_HYPHEN, '')

/** Sets one paragraph, hyphenation points marked with soft hyphens, in lines of `measure` wide. */
export function setParagraph(text: string, measure: number, metrics: Measure): SetParagraph {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  const widthOf = (word: string) => metrics.width(visible(word))
  const push = () => {
    lines.push(line)
    line = ''
    lineWidth = 0
  }
  for (let word of words) {
    for (;;) {
      const lead = line ? metrics.space : 0
      const whole = widthOf(word)
      if (lineWidth + lead + whole <= measure) {
        line = line ? `${line} ${visible(word)}` : visible(word)
        lineWidth += lead + whole
        break
      }
      // The longest run of the word's syllables that fits, with its hyphen.
      const parts = word.split(SOFT_HYPHEN)
      let fitted = 0
      for (let count = parts.length - 1; count > 0; count--) {
        const head = parts.slice(0, count).join('')
        if (lineWidth + lead + metrics.width(head) + metrics.hyphen <= measure) {
          fitted = count
          break
        }
      }
      if (fitted > 0) {
        const head = parts.slice(0, fitted).join('')
        line = line ? `${line} ${head}-` : `${head}-`
        push()
        word = parts.slice(fitted).join(SOFT_HYPHEN)
        continue
      }
      if (line) {
        push()
        continue
      }
      // A word wider than the measure stands on a line of its own, over the edge.
      line = visible(word)
      lineWidth = whole
      break
    }
  }
  if (line || lines.length === 0) lines.push(line)
  const last = lines.at(-1) ?? ''
  const widow =
    lines.length > 1 && !last.includes(' ') && last.replace(/\W/g, '').length <= WIDOW_CHARACTERS
  return { lines, widow }
}

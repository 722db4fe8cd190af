import type { TiptapNode } from './tiptap-json'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

/**
 * Scripts written without spaces between words need a dictionary to find them: Intl.Segmenter.
 * Everything else is counted with a regular expression that agrees with the segmenter on
 * newsroom text ("O'Brien", "6.45am", "4%"), because segmenting is slow in Node 20 (about 3 s for
 * a 1 MB article, against milliseconds here) and a library lists thousands of articles.
 */
const NEEDS_DICTIONARY =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
// UAX #29 in short: letters join across ' . : and digits across , ; . ' ("O'Brien", "12,000").
const WORD =
  /[\p{L}\p{N}\p{M}]+(?:(?:(?<=\p{L}\p{M}*)['’.:·](?=\p{L})|(?<=\p{N})[,;.'’](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu

/** Counts words the way a reader would, in any script. */
export function countWords(text: string): number {
  if (!NEEDS_DICTIONARY.test(text)) return text.match(WORD)?.length ?? 0
  let words = 0
  // Segmenting one long string is quadratic in some V8 versions: go line by line.
  for (const line of text.split('\n'))
    for (const segment of segmenter.segment(line)) if (segment.isWordLike) words++
  return words
}

/** The text of a node tree, with block boundaries as newlines so words never run together. */
export function plainText(node: TiptapNode): string {
  return textOf(node, false)
}

/**
 * The text as it will read once every suggestion in it is accepted: what is suggested for
 * deletion (words, or whole blocks, which carry the mark themselves) is left out, what is
 * suggested for insertion is in. A suggested new block is anchored by zero-width spaces marked
 * as inserted, which accepting removes.
 */
export function acceptedText(node: TiptapNode): string {
  return textOf(node, true)
}

const hasMark = (node: TiptapNode, type: string) =>
  node.marks?.some((mark) => mark.type === type) ?? false

function textOf(node: TiptapNode, accepted: boolean): string {
  if (node.type === 'text') {
    const text = node.text ?? ''
    return accepted && hasMark(node, 'insertion') ? text.replaceAll('\u200b', '') : text
  }
  if (node.type === 'hardBreak') return '\n'
  const children = accepted
    ? (node.content ?? []).filter((child) => !hasMark(child, 'deletion'))
    : (node.content ?? [])
  const inner = children.map((child) => textOf(child, accepted))
  const isInlineContainer = children.every(
    (child) => child.type === 'text' || child.type === 'hardBreak',
  )
  return isInlineContainer ? inner.join('') : inner.join('\n')
}

import type { TiptapNode } from './tiptap-json'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

/** Counts words the way a reader would, in any script (Intl.Segmenter, not whitespace). */
export function countWords(text: string): number {
  let words = 0
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++
  return words
}

/** The text of a node tree, with block boundaries as newlines so words never run together. */
export function plainText(node: TiptapNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  const inner = (node.content ?? []).map(plainText)
  const isInlineContainer = (node.content ?? []).every(
    (child) => child.type === 'text' || child.type === 'hardBreak',
  )
  return isInlineContainer ? inner.join('') : inner.join('\n')
}

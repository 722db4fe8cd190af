import type { TiptapNode } from '../article/tiptap-json'

/** A paragraph a reader would see as nothing: no text but spaces, at most line breaks. */
function isEmptyParagraph(node: TiptapNode): boolean {
  return (
    node.type === 'paragraph' &&
    (node.content ?? []).every(
      (child) => child.type === 'hardBreak' || (child.type === 'text' && !child.text?.trim()),
    )
  )
}

/**
 * The body's blocks as every format exports them. The editor always leaves a paragraph to type
 * into at the end, and Enter pressed once too often leaves more at either end; in a CMS or on a
 * page they become blank space, so they go. Empty paragraphs between blocks are the writer's own
 * spacing and stay.
 */
export function exportedBlocks(body: TiptapNode): TiptapNode[] {
  const blocks = body.content ?? []
  let start = 0
  let end = blocks.length
  while (start < end && isEmptyParagraph(blocks[start] as TiptapNode)) start++
  while (end > start && isEmptyParagraph(blocks[end - 1] as TiptapNode)) end--
  return blocks.slice(start, end)
}

/** The body with `exportedBlocks` as its content. */
export const exportedBody = (body: TiptapNode): TiptapNode => ({
  ...body,
  content: exportedBlocks(body),
})

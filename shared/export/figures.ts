import type { TiptapNode } from '../article/tiptap-json'
import { PICTURE_RIGHTS, type PictureRights } from '../editor/figure'

export interface FigureInfo extends PictureRights {
  src: string
  /** For a figure that awaits its picture: where the picture is on the web. */
  sourceUrl: string
  alt: string
  credit: string
  lead: boolean
  /** The caption as plain text. */
  caption: string
}

/** Every figure in the body, in reading order. */
export function figuresOf(body: TiptapNode): FigureInfo[] {
  const figures: FigureInfo[] = []
  const visit = (node: TiptapNode) => {
    if (node.type === 'figure') {
      const attrs = node.attrs ?? {}
      figures.push({
        src: String(attrs.src ?? ''),
        sourceUrl: String(attrs.sourceUrl ?? ''),
        alt: String(attrs.alt ?? ''),
        credit: String(attrs.credit ?? ''),
        ...rightsOf(attrs),
        lead: attrs.lead === true,
        caption: plainText(node),
      })
    }
    for (const child of node.content ?? []) visit(child)
  }
  visit(body)
  return figures
}

/** A figure's rights attributes, each as text. */
export const rightsOf = (attrs: Record<string, unknown>): PictureRights =>
  Object.fromEntries(
    PICTURE_RIGHTS.map((name) => [name, String(attrs[name] ?? '')]),
  ) as unknown as PictureRights

/** The text of a node and its descendants, blocks joined by `separator`. */
export function plainText(node: TiptapNode, separator = ''): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map((child) => plainText(child, separator)).join(separator)
}

/** The body as plain text, paragraphs on lines of their own (captions excluded). */
export function bodyText(body: TiptapNode): string {
  const blocks: string[] = []
  const visit = (node: TiptapNode) => {
    if (node.type === 'figure') return
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'pullQuote') {
      blocks.push(plainText(node))
      return
    }
    for (const child of node.content ?? []) visit(child)
  }
  visit(body)
  return blocks.join('\n')
}

import { formatByline, type Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { exportedBlocks } from './body'
import { safeHref } from './safe-href'

export const WIRE_LINE_WIDTH = 72

/** Wire-style plain text: headline, standfirst, byline, dateline, body, captions with credits. */
export function renderArticleText(article: Article): string {
  // Headline, byline and dateline each stay on one line, however long: a reader of the file
  // (Copydesk's import among them) tells them apart by their lines.
  const parts = [
    oneLine(article.headline),
    article.standfirst && wrap(article.standfirst),
    article.byline.length > 0 && oneLine(formatByline(article.byline)),
    article.dateline && oneLine(article.dateline),
    textBlocks(exportedBlocks(article.body), ''),
  ].filter(Boolean)
  return `${parts.join('\n\n')}\n`
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

function textBlocks(nodes: TiptapNode[], prefix: string): string {
  return nodes
    .map((node) => textBlock(node, prefix))
    .filter(Boolean)
    .join('\n\n')
}

function textBlock(node: TiptapNode, prefix: string): string {
  const children = node.content ?? []
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return wrap(inlineText(children), prefix)
    case 'blockquote':
      return textBlocks(children, `${prefix}> `)
    case 'bulletList':
    case 'orderedList':
      return children
        .map((item, index) => {
          const marker =
            node.type === 'bulletList' ? '- ' : `${Number(node.attrs?.start ?? 1) + index}. `
          const body = textBlocks(item.content ?? [], ' '.repeat(marker.length))
          return prefix + marker + body.trimStart()
        })
        .join('\n')
    case 'pullQuote':
      return wrap(inlineText(children), `${prefix}> `)
    case 'horizontalRule':
      return `${prefix}* * *`
    case 'table':
      // Wire text has no tables: one line per row, cells divided by bars.
      return children
        .map((row) =>
          wrap(
            (row.content ?? [])
              .map((cell) =>
                (cell.content ?? []).map((block) => inlineText(block.content ?? [])).join(' '),
              )
              .join(' | '),
            prefix,
          ),
        )
        .join('\n')
    case 'figure': {
      const caption = inlineText(children)
      const credit = String(node.attrs?.credit ?? '')
      const text = [caption, credit && `Credit: ${credit}`].filter(Boolean).join(' ')
      return wrap(`[Picture: ${text || String(node.attrs?.alt ?? '')}]`, prefix)
    }
    default:
      return textBlocks(children, prefix)
  }
}

/**
 * Inline text, each link followed by its address in brackets: wire copy has no links, and a
 * reader of the text must still be able to follow one. A link styled in parts (some of it bold)
 * is one link, named once.
 */
function inlineText(nodes: TiptapNode[]): string {
  let text = ''
  let link: { href: string; text: string } | undefined
  const endLink = () => {
    if (link && !isAddressOf(link.text, link.href)) text += ` (${link.href})`
    link = undefined
  }
  for (const node of nodes) {
    const href = safeHref(node.marks?.find((mark) => mark.type === 'link')?.attrs?.href)
    if (link && link.href !== href) endLink()
    const words = node.type === 'hardBreak' ? '\n' : (node.text ?? '')
    if (href) {
      link ??= { href, text: '' }
      link.text += words
    }
    text += words
  }
  endLink()
  return text
}

/** Whether a link's text already is its address ("example.com" for http://example.com/). */
function isAddressOf(text: string, href: string): boolean {
  const bare = (address: string) =>
    address
      .trim()
      .toLowerCase()
      .replace(/^(?:mailto:|[a-z][a-z0-9+.-]*:\/\/)/, '')
      .replace(/\/$/, '')
  return bare(text) === bare(href)
}

/** Greedy word wrap; a word longer than the line keeps a line of its own rather than breaking. */
export function wrap(text: string, prefix = '', width = WIRE_LINE_WIDTH): string {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && prefix.length + line.length + 1 + word.length > width) {
        lines.push(prefix + line)
        line = word
      } else {
        line = line ? `${line} ${word}` : word
      }
    }
    lines.push(prefix + line)
  }
  return lines.join('\n')
}

import { formatByline, type Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'

export const WIRE_LINE_WIDTH = 72

/** Wire-style plain text: headline, standfirst, byline, dateline, body, captions with credits. */
export function renderArticleText(article: Article): string {
  const parts = [
    wrap(article.headline),
    article.standfirst && wrap(article.standfirst),
    article.byline.length > 0 && wrap(formatByline(article.byline)),
    article.dateline && wrap(article.dateline),
    textBlocks(article.body.content ?? [], ''),
  ].filter(Boolean)
  return `${parts.join('\n\n')}\n`
}

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

function inlineText(nodes: TiptapNode[]): string {
  return nodes.map((node) => (node.type === 'hardBreak' ? '\n' : (node.text ?? ''))).join('')
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

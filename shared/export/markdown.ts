import { formatByline, type Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { exportedBlocks } from './body'
import { exportedImageSource } from './image-sources'
import { DEFAULT_EXPORT_CONTEXT, type ExportContext } from './renditions'
import { safeHref } from './safe-href'

/**
 * Markdown written by hand rather than by a generic renderer, so that every character a
 * reporter typed is escaped (no raw HTML can slip through to a Markdown-to-HTML step) and
 * links keep only safe protocols.
 */
export function renderArticleMarkdown(
  article: Article,
  context: ExportContext = DEFAULT_EXPORT_CONTEXT,
): string {
  const frontMatter = [
    '---',
    `slug: ${yamlValue(article.slug)}`,
    `status: ${yamlValue(article.status)}`,
    article.section && `section: ${yamlValue(article.section)}`,
    article.dateline && `dateline: ${yamlValue(article.dateline)}`,
    article.byline.length > 0 && `byline: ${yamlValue(article.byline)}`,
    article.keywords.length > 0 && `keywords: ${yamlValue(article.keywords)}`,
    '---',
  ].filter(Boolean)
  const byline = formatByline(article.byline)
  const blocks = [
    `# ${escapeInline(article.headline)}`,
    article.standfirst && `**${escapeInline(article.standfirst)}**`,
    byline && `*${escapeInline(byline)}*`,
    renderBlocks(exportedBlocks(article.body), context),
  ].filter(Boolean)
  return `${frontMatter.join('\n')}\n\n${blocks.join('\n\n')}\n`
}

/**
 * JSON is valid YAML flow syntax; angle brackets and ampersands are written as \u escapes so a
 * renderer that shows front matter as text still gets no markup from it.
 */
function yamlValue(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

export function renderBlocks(nodes: TiptapNode[], context: ExportContext): string {
  return nodes
    .map((node) => renderBlock(node, context))
    .filter((block) => block !== '')
    .join('\n\n')
}

function renderBlock(node: TiptapNode, context: ExportContext): string {
  const children = node.content ?? []
  switch (node.type) {
    case 'paragraph':
      return escapeLineStart(renderInline(children))
    case 'heading':
      return `${'#'.repeat(Number(node.attrs?.level ?? 2))} ${renderInline(children)}`
    case 'blockquote':
      return prefixLines(renderBlocks(children, context), '> ')
    case 'bulletList':
      return children.map((item) => listItem(item, '- ', context)).join('\n')
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1)
      return children.map((item, index) => listItem(item, `${start + index}. `, context)).join('\n')
    }
    case 'pullQuote':
      return prefixLines(`**${renderInline(children)}**`, '> ')
    case 'horizontalRule':
      return '---'
    case 'figure': {
      const alt = escapeInline(String(node.attrs?.alt ?? ''))
      const credit = String(node.attrs?.credit ?? '')
      const caption = renderInline(children)
      const line = [caption && `*${caption}*`, credit && escapeInline(credit)]
        .filter(Boolean)
        .join(' — ')
      // Without a copy of the picture in the export, an image line would only show as broken.
      const source = exportedImageSource(String(node.attrs?.src ?? ''), context)
      const image = source && `![${alt}](<${source.replace(/[<>]/g, encodeURIComponent)}>)`
      return [image, line].filter(Boolean).join('\n\n')
    }
    case 'table':
      return tableMarkdown(children)
    default:
      return renderBlocks(children, context)
  }
}

/** A GFM table; its first row is the header row, as GFM requires one. Cell paragraphs join with <br>-free spaces. */
function tableMarkdown(rows: TiptapNode[]): string {
  const cells = rows.map((row) =>
    (row.content ?? []).map((cell) =>
      (cell.content ?? []).map((block) => renderInline(block.content ?? [])).join(' '),
    ),
  )
  const width = Math.max(...cells.map((row) => row.length), 1)
  const line = (row: string[]) =>
    `| ${Array.from({ length: width }, (_, index) => row[index] ?? '').join(' | ')} |`
  const [header = [], ...body] = cells
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n')
}

function listItem(item: TiptapNode, marker: string, context: ExportContext): string {
  const body = renderBlocks(item.content ?? [], context)
  const indent = ' '.repeat(marker.length)
  return marker + body.split('\n').join(`\n${indent}`)
}

function renderInline(nodes: TiptapNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '\\\n'
      let text = escapeInline(node.text ?? '')
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') text = emphasis(text, '**')
        else if (mark.type === 'italic') text = emphasis(text, '*')
        else if (mark.type === 'strike') text = emphasis(text, '~~')
        else if (mark.type === 'link') {
          const href = safeHref(mark.attrs?.href)
          if (href) text = `[${text}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`
        }
      }
      return text
    })
    .join('')
}

/**
 * Emphasis markers hugging the words: CommonMark reads `** bold **` as literal asterisks, so the
 * spaces at either end of a marked run go outside the markers.
 */
function emphasis(text: string, marker: string): string {
  const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? []
  return words ? `${before}${marker}${words}${marker}${after}` : text
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~|&!#]/g, '\\$&')
}

/** Text that would read as a heading, list, quote or rule at the start of a line is escaped. */
function escapeLineStart(text: string): string {
  return text.replace(
    /^(\s*)([-+=>]|\d+[.)])/gm,
    (_, space: string, marker: string) => `${space}\\${marker}`,
  )
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : prefix.trimEnd()))
    .join('\n')
}

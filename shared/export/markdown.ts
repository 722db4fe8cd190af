import { formatByline, type Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { exportedBlocks } from './body'
import { renderBodyHtml } from './html'
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
  // Headline and standfirst are in the front matter too, so that Copydesk reads them back as
  // they are rather than from the heading and bold line that show them.
  const frontMatter = [
    '---',
    `headline: ${yamlValue(article.headline)}`,
    `standfirst: ${yamlValue(article.standfirst)}`,
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
    .map((node, index) => renderBlock(node, context, startsNewList(nodes, index)))
    .filter((block) => block !== '')
    .join('\n\n')
}

/**
 * Whether a list follows a list of its own kind: Markdown would run the two together unless the
 * second changes its marker ("*" for "-", ")" for ".").
 */
function startsNewList(nodes: TiptapNode[], index: number): boolean {
  let count = 0
  for (let at = index; at >= 0 && nodes[at]?.type === nodes[index]?.type; at--) count++
  return count % 2 === 0
}

function renderBlock(node: TiptapNode, context: ExportContext, otherMarker = false): string {
  const children = node.content ?? []
  switch (node.type) {
    case 'paragraph':
      return escapeLineStart(renderInline(children))
    case 'heading':
      return `${'#'.repeat(Number(node.attrs?.level ?? 2))} ${renderInline(children)}`
    case 'blockquote':
      return prefixLines(renderBlocks(children, context), '> ')
    case 'bulletList': {
      const marker = otherMarker ? '* ' : '- '
      return children.map((item) => listItem(item, marker, context)).join('\n')
    }
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1)
      const delimiter = otherMarker ? ') ' : '. '
      return children
        .map((item, index) => listItem(item, `${start + index}${delimiter}`, context))
        .join('\n')
    }
    // Markdown has no pull quote or figure with a credit: they are written as the HTML export
    // writes them, which every Markdown renderer shows as it is and Copydesk reads back.
    case 'pullQuote':
    case 'figure':
      return renderBodyHtml({ type: 'doc', content: [node] }, context)
    case 'horizontalRule':
      return '---'
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
  // A backslash before a digit is a literal backslash: "4.5%" stays, "4. Then" becomes "4\. Then".
  return text
    .replace(/^(\s*)([-+=>])/gm, (_, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, (_, number: string, dot: string) => `${number}\\${dot}`)
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : prefix.trimEnd()))
    .join('\n')
}

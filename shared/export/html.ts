import { renderToHTMLString, escapeHTML, escapeHTMLAttribute } from '@tiptap/static-renderer'
import { PAGE_GENERATOR } from './page-generator'
import type { Article, BylineEntry } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodyExtensions } from '../editor/extensions'
import { exportedBody } from './body'
import { rightsOf } from './figures'
import { exportedImageSource } from './image-sources'
import {
  DEFAULT_EXPORT_CONTEXT,
  primaryRendition,
  type ExportContext,
  type Rendition,
} from './renditions'

/**
 * Exported pages run nothing: no scripts are written, the CSP forbids any that a reader's tools
 * might inject, text and attributes are escaped, and links are limited to http(s) and mailto
 * by the Link extension's own check.
 */
const exportCsp = (context: ExportContext) => {
  const imageOrigin = context.imageBaseUrl ? ` ${new URL(context.imageBaseUrl).origin}` : ''
  return `default-src 'none'; img-src 'self' data:${imageOrigin}; style-src 'unsafe-inline'`
}

const PAGE_STYLE = `body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:2.2rem;line-height:1.2}.standfirst{font-size:1.25rem;color:#333}.byline,.dateline{color:#555}
figure{margin:1.5rem 0}img{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#444}
.credit{margin-left:.5em;color:#777}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem}`

/**
 * "By Ana Lee and Sam Roe (Additional reporting)", each person's name and role marked, so that
 * a role with a comma or an "and" in it reads back as one role.
 */
function bylineHtml(byline: BylineEntry[]): string {
  const people = byline.map(
    ({ name, role }) =>
      `<span class="author"><span class="name">${escapeHTML(name)}</span>${role ? ` (<span class="role">${escapeHTML(role)}</span>)` : ''}</span>`,
  )
  const last = people.pop()
  return last ? `By ${people.length ? `${people.join(', ')} and ${last}` : last}` : ''
}

const joined = (children: string | string[] | undefined) =>
  Array.isArray(children) ? children.join('') : (children ?? '')

const srcset = (renditions: Rendition[], mimeType: string, context: ExportContext) =>
  renditions
    .filter((rendition) => rendition.mimeType === mimeType && rendition.name !== 'original')
    .map((rendition) => `${escapeHTMLAttribute(imageUrl(rendition, context))} ${rendition.width}w`)
    .join(', ')

const imageUrl = (rendition: Rendition, context: ExportContext) =>
  context.imageBaseUrl ? new URL(rendition.path, context.imageBaseUrl).href : rendition.path

/**
 * A figure with its renditions: WebP and JPEG at each width for the browser to choose from,
 * and the original as the fallback, sized so the page does not jump as images load. When the
 * export carries no copy of the picture, only its caption and credit: an image whose file is
 * not there would show the reader a broken picture.
 */
function figureHtml(node: TiptapNode, caption: string, context: ExportContext): string {
  const src = String(node.attrs?.src ?? '')
  // Inside quotes: a `"` in alt text (from an import, a paste, a colleague) must not end them.
  const alt = escapeHTMLAttribute(String(node.attrs?.alt ?? ''))
  const credit = String(node.attrs?.credit ?? '')
  const source = exportedImageSource(src, context)
  const renditions = context.renditions?.[src] ?? []
  const main = primaryRendition(renditions)
  const size = main ? ` width="${main.width}" height="${main.height}"` : ''
  const webp = srcset(renditions, 'image/webp', context)
  const jpeg = srcset(renditions, 'image/jpeg', context)
  const sizes = ' sizes="(max-width: 42rem) 100vw, 42rem"'
  const image =
    source &&
    `<img src="${escapeHTMLAttribute(source)}"${jpeg ? ` srcset="${jpeg}"${sizes}` : ''} alt="${alt}"${size}>`
  const picture =
    image && webp
      ? `<picture><source type="image/webp" srcset="${webp}"${sizes}>${image}</picture>`
      : (image ?? '')
  const creditHtml = credit ? `<span class="credit">${escapeHTML(credit)}</span>` : ''
  const lead = node.attrs?.lead ? ' data-lead="true"' : ''
  // The picture's rights, for Copydesk and CMSs to read; a reader sees the credit.
  const rights = Object.entries(rightsOf(node.attrs ?? {}))
    .filter(([, value]) => value)
    .map(([name, value]) => ` data-${name}="${escapeHTMLAttribute(value)}"`)
    .join('')
  // Without the picture, its alt text and (for one awaited from the web) its address stay on
  // the figure for Copydesk to read back; a reader sees caption and credit.
  const sourceUrl = String(node.attrs?.sourceUrl ?? '')
  const words = picture
    ? ''
    : ` data-alt="${alt}"${sourceUrl ? ` data-source-url="${escapeHTMLAttribute(sourceUrl)}"` : ''}`
  return `<figure${lead}${rights}${words}>${picture}<figcaption><span class="caption">${caption}</span>${creditHtml}</figcaption></figure>`
}

export function renderBodyHtml(
  body: TiptapNode,
  context: ExportContext = DEFAULT_EXPORT_CONTEXT,
): string {
  return renderToHTMLString({
    extensions: articleBodyExtensions(),
    content: exportedBody(body),
    options: {
      // Comment anchors are for the desk, never for readers: only their text is exported.
      markMapping: { comment: ({ children }) => joined(children) },
      // The schema's own figure HTML points at the article folder's assets/, which no export has.
      nodeMapping: {
        figure: ({ node, children }) =>
          figureHtml(node.toJSON() as TiptapNode, joined(children), context),
      },
    },
  })
}

/** The story's body alone, for pasting into a CMS that supplies its own page and headline. */
export function renderArticleHtmlFragment(
  article: Article,
  context: ExportContext = DEFAULT_EXPORT_CONTEXT,
): string {
  return `${renderBodyHtml(article.body, context)}\n`
}

/** A standalone, semantic page: header with headline, standfirst, byline and dateline, then the body. */
export function renderArticleHtml(
  article: Article,
  context: ExportContext = DEFAULT_EXPORT_CONTEXT,
): string {
  const byline = bylineHtml(article.byline)
  const header = [
    `<h1>${escapeHTML(article.headline)}</h1>`,
    article.standfirst && `<p class="standfirst">${escapeHTML(article.standfirst)}</p>`,
    byline && `<p class="byline">${byline}</p>`,
    article.dateline && `<p class="dateline">${escapeHTML(article.dateline)}</p>`,
  ].filter(Boolean)
  return `<!doctype html>
<html lang="${escapeHTMLAttribute(context.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHTMLAttribute(exportCsp(context))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${PAGE_GENERATOR}">
${article.keywords.map((keyword) => `<meta property="article:tag" content="${escapeHTMLAttribute(keyword)}">\n`).join('')}<title>${escapeHTML(article.headline)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<article>
<header>
${header.join('\n')}
</header>
${renderBodyHtml(article.body, context)}
</article>
</body>
</html>
`
}

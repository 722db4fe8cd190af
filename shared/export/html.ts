import { renderToHTMLString, escapeHTML } from '@tiptap/static-renderer'
import { formatByline, type Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodyExtensions } from '../editor/extensions'

/**
 * Exported pages run nothing: no scripts are written, the CSP forbids any that a reader's tools
 * might inject, text and attributes are escaped, and links are limited to http(s) and mailto
 * by the Link extension's own check.
 */
const EXPORT_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"

const PAGE_STYLE = `body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:2.2rem;line-height:1.2}.standfirst{font-size:1.25rem;color:#333}.byline,.dateline{color:#555}
figure{margin:1.5rem 0}img{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#444}
.credit{margin-left:.5em;color:#777}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem}`

export function renderBodyHtml(body: TiptapNode): string {
  return renderToHTMLString({
    extensions: articleBodyExtensions(),
    content: body,
    // Comment anchors are for the desk, never for readers: only their text is exported.
    options: {
      markMapping: {
        comment: ({ children }) => (Array.isArray(children) ? children.join('') : (children ?? '')),
      },
    },
  })
}

export function renderArticleHtml(article: Article): string {
  const byline = formatByline(article.byline)
  const header = [
    `<h1>${escapeHTML(article.headline)}</h1>`,
    article.standfirst && `<p class="standfirst">${escapeHTML(article.standfirst)}</p>`,
    byline && `<p class="byline">${escapeHTML(byline)}</p>`,
    article.dateline && `<p class="dateline">${escapeHTML(article.dateline)}</p>`,
  ].filter(Boolean)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(article.headline)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<article>
<header>
${header.join('\n')}
</header>
${renderBodyHtml(article.body)}
</article>
</body>
</html>
`
}

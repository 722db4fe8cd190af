import { formatByline, type Article } from '../../shared/article'
import type { LibraryListing } from '../../shared/library/library-listing'
import { renderArticleText } from '../../shared/export/text'
import { highlightParts } from '../../shared/search/highlight'
import type { SearchResults } from '../../shared/search/search-query'

const pad = (text: string, width: number) => text.padEnd(width).slice(0, width)
const shortDate = (iso: string) => iso.slice(0, 16).replace('T', ' ')

export function formatListing(listing: LibraryListing): string {
  const lines = [`Library: ${listing.root}`]
  if (listing.articles.length === 0 && listing.damaged.length === 0)
    lines.push('No articles yet. Create one with: copydesk new --headline "..."')
  for (const article of listing.articles) {
    const headline = article.headline || '(no headline)'
    lines.push(
      `${article.id.slice(0, 8)}  ${pad(article.status, 9)} ${shortDate(article.updatedAt)}  ${String(article.wordCount).padStart(6)} words  ${headline}`,
    )
  }
  for (const entry of listing.damaged) lines.push(`DAMAGED   ${entry.reason}`)
  return `${lines.join('\n')}\n`
}

export function formatArticle(article: Article, folder?: string): string {
  const fields = [
    ['Id', article.id],
    ['Slug', article.slug],
    ['Status', article.status],
    ['Byline', formatByline(article.byline)],
    ['Section', article.section],
    ['Keywords', article.keywords.join(', ')],
    ['Revision', String(article.revision)],
    ['Updated', article.updatedAt],
    ['Folder', folder ?? ''],
  ].filter(([, value]) => value)
  const header = fields.map(([name, value]) => `${`${name}:`.padEnd(10)}${value}`).join('\n')
  return `${header}\n\n${renderArticleText(article)}`
}

/** Matched words in bold on a terminal, between asterisks elsewhere (a pipe, a file). */
function emphasise(text: string, terms: string[], color: boolean): string {
  return highlightParts(text, terms)
    .map((part) =>
      !part.match ? part.text : color ? `\x1b[1m${part.text}\x1b[22m` : `*${part.text}*`,
    )
    .join('')
}

export function formatSearchResults(results: SearchResults, text: string, color = false): string {
  const { hits, total, indexed } = results
  const what = text.trim() ? `match "${text.trim()}"` : 'match the filters'
  const lines = [
    `${total.toLocaleString('en')} of ${indexed.toLocaleString('en')} articles ${what}`,
  ]
  if (hits.length < total) lines[0] += ` (showing ${hits.length})`
  for (const { article, terms, snippet } of hits) {
    const headline = emphasise(article.headline || '(no headline)', terms, color)
    lines.push(
      `${article.id.slice(0, 8)}  ${pad(article.status, 9)} ${shortDate(article.updatedAt)}  ${headline}`,
    )
    if (snippet) lines.push(`          ${emphasise(snippet, terms, color)}`)
  }
  return `${lines.join('\n')}\n`
}

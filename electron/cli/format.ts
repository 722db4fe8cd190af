import { formatByline, type Article } from '../../shared/article'
import type { LibraryListing } from '../../shared/ipc/contract'
import { renderArticleText } from '../../shared/export'

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
  for (const entry of listing.damaged) lines.push(`DAMAGED   ${entry.folder}: ${entry.reason}`)
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

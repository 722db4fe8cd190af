/**
 * What a news page says about itself, for the fields a story has beside its body: JSON-LD
 * (schema.org NewsArticle and its kin), then Open Graph and the plain `<meta>` tags. Sites fill
 * these for search engines and social cards, so they are cleaner than anything read off the page.
 */
export interface PageMetadata {
  headline: string
  description: string
  authors: string[]
  keywords: string[]
  section: string
  dateline: string
  siteName: string
}

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''

/** JSON-LD items of every kind, nested graphs and lists flattened. */
function linkedItems(document: Document): JsonObject[] {
  const items: JsonObject[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return
    if (Array.isArray(value)) for (const item of value) visit(item, depth + 1)
    else if (isObject(value)) {
      items.push(value)
      if (value['@graph']) visit(value['@graph'], depth + 1)
    }
  }
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0)
    } catch {
      // A site's broken JSON-LD is its own problem; the page is read without it.
    }
  }
  return items
}

const isArticle = (item: JsonObject) =>
  [item['@type']]
    .flat()
    .map(String)
    .some((type) => /(Article|BlogPosting|Report)$/.test(type))

const names = (value: unknown): string[] =>
  [value]
    .flat()
    .map((author) => (isObject(author) ? text(author.name) : text(author)))
    .filter(Boolean)

const list = (value: unknown): string[] =>
  typeof value === 'string'
    ? value.split(',').map((item) => item.trim())
    : Array.isArray(value)
      ? value.map(text)
      : []

function meta(document: Document, ...keys: string[]): string {
  for (const key of keys) {
    const content = document
      .querySelector(`meta[property="${key}"], meta[name="${key}"]`)
      ?.getAttribute('content')
    if (text(content)) return text(content)
  }
  return ''
}

const metaAll = (document: Document, key: string) =>
  Array.from(document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`))
    .map((element) => text(element.getAttribute('content')))
    .filter(Boolean)

export function readPageMetadata(document: Document): PageMetadata {
  const article = linkedItems(document).find(isArticle) ?? {}
  const location = isObject(article.contentLocation) ? text(article.contentLocation.name) : ''
  const publisher = isObject(article.publisher) ? text(article.publisher.name) : ''
  const authorMeta = meta(document, 'author', 'article:author', 'byl')
  return {
    headline: text(article.headline) || meta(document, 'og:title', 'twitter:title'),
    description:
      text(article.description) ||
      meta(document, 'og:description', 'twitter:description', 'description'),
    authors: names(article.author).length
      ? names(article.author)
      : // Open Graph's article:author is often a profile address, not a name.
        [authorMeta].filter((name) => name && !/^https?:/i.test(name)),
    keywords: [
      ...new Set(
        [...list(article.keywords), ...metaAll(document, 'article:tag')]
          .concat(meta(document, 'keywords').split(','))
          .map((keyword) => keyword.trim())
          .filter(Boolean),
      ),
    ],
    section: text([article.articleSection].flat()[0]) || meta(document, 'article:section'),
    dateline: text(article.dateline) || location,
    siteName: meta(document, 'og:site_name') || publisher,
  }
}

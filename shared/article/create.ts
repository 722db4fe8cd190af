import { ARTICLE_SCHEMA_VERSION, type Article, type ArticleFields } from './schema'
import { slugify } from './slug'
import { emptyDoc } from './tiptap-json'

export type NewArticleInput = Partial<ArticleFields>

/** A fresh article at revision 1. Pure: the caller supplies the id and the clock. */
export function createArticle(input: NewArticleInput, id: string, now: Date): Article {
  const headline = input.headline ?? ''
  const timestamp = now.toISOString()
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id,
    slug: input.slug ?? slugify(headline),
    headline,
    standfirst: input.standfirst ?? '',
    byline: input.byline ?? [],
    dateline: input.dateline ?? '',
    section: input.section ?? '',
    keywords: input.keywords ?? [],
    status: input.status ?? 'draft',
    body: input.body ?? emptyDoc(),
    styleIgnores: input.styleIgnores ?? [],
    comments: input.comments ?? [],
    tracked: input.tracked ?? {},
    suggestions: input.suggestions ?? [],
    sources: input.sources ?? [],
    quotes: input.quotes ?? [],
    createdAt: timestamp,
    updatedAt: timestamp,
    revision: 1,
  }
}

/**
 * Still exactly as New article made it: nothing typed, nothing attached, never saved since. Such
 * a story may be thrown away when its maker leaves it; anything else is kept.
 */
export function isUntouchedNewArticle(article: Article): boolean {
  const blankBody = (article.body.content ?? []).every(
    (block) => block.type === 'paragraph' && !block.content?.length,
  )
  return (
    article.revision === 1 &&
    blankBody &&
    !article.headline.trim() &&
    !article.standfirst.trim() &&
    !article.dateline.trim() &&
    !article.section.trim() &&
    article.keywords.length === 0 &&
    article.comments.length === 0 &&
    article.suggestions.length === 0 &&
    article.sources.length === 0 &&
    article.quotes.length === 0
  )
}

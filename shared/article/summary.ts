import type { Article, ArticleStatus, BylineEntry } from './schema'
import { countWords, plainText } from './words'

/** What the library list shows of an article, without its body. */
export interface ArticleSummary {
  id: string
  slug: string
  headline: string
  status: ArticleStatus
  byline: BylineEntry[]
  updatedAt: string
  revision: number
  wordCount: number
}

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    status: article.status,
    byline: article.byline,
    updatedAt: article.updatedAt,
    revision: article.revision,
    wordCount: countWords(plainText(article.body)),
  }
}

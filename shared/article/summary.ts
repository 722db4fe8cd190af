import { z } from 'zod'
import { ArticleStatusSchema, BylineEntrySchema, type Article } from './schema'
import { acceptedText, countWords } from './words'

/** What the library list shows of an article, without its body. */
export const ArticleSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  headline: z.string(),
  status: ArticleStatusSchema,
  section: z.string(),
  byline: z.array(BylineEntrySchema),
  updatedAt: z.iso.datetime({ offset: true }),
  revision: z.number().int().min(1),
  wordCount: z.number().int().min(0),
})
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    status: article.status,
    section: article.section,
    byline: article.byline,
    updatedAt: article.updatedAt,
    revision: article.revision,
    // As the Counts panel counts: the text as it reads with its suggestions accepted.
    wordCount: countWords(acceptedText(article.body)),
  }
}

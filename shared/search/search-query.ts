import { z } from 'zod'
import { ArticleStatusSchema, type ArticleSummary } from '../article'
import type { SearchedField } from './search-document'

const Day = z.iso.date()

/** A search as the search box and the CLI send it. */
export const SearchQuerySchema = z.object({
  text: z.string().max(500),
  status: z.array(ArticleStatusSchema).max(10).optional(),
  /** Part of a byline name, any case: "lee" finds Ana Lee. */
  byline: z.string().max(200).optional(),
  section: z.string().max(200).optional(),
  /** Last updated on or after this day (YYYY-MM-DD, UTC). */
  updatedFrom: Day.optional(),
  /** Last updated on or before this day. */
  updatedTo: Day.optional(),
  sort: z.enum(['relevance', 'updated']).default('relevance'),
  limit: z.number().int().min(1).max(500).default(50),
})
export type SearchQuery = z.input<typeof SearchQuerySchema>
export type ParsedSearchQuery = z.output<typeof SearchQuerySchema>

/** One article found, with what to highlight in it. */
export interface SearchHit {
  article: ArticleSummary
  score: number
  /** The normalized words that matched, for highlighting. */
  terms: string[]
  /** Where they matched. */
  fields: SearchedField[]
  /** A passage of the body or a caption around the first match, when the match is there. */
  snippet?: string
}

export interface SearchResults {
  hits: SearchHit[]
  /** How many articles matched in all, of which `hits` are the first `limit`. */
  total: number
  /** Articles in the index: the denominator for "3 of 10,000". */
  indexed: number
}

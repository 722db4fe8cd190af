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
  /**
   * Whether the first hits carry a passage, read from their files. The library panel asks for
   * passages separately (`library:passages`), so its results show without waiting for them.
   */
  passages: z.boolean().default(true),
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

/** Passages for hits already found: each article's id with the words that matched in it. */
export const PassagesRequestSchema = z.object({
  hits: z.array(z.object({ id: z.uuid(), terms: z.array(z.string().max(200)).max(50) })).max(50),
})

/** A passage around the first match, by article id, for the hits that have one. */
export type Passages = Record<string, string>

export interface SearchResults {
  hits: SearchHit[]
  /** How many articles matched in all, of which `hits` are the first `limit`. */
  total: number
  /** Articles in the index: the denominator for "3 of 10,000". */
  indexed: number
}

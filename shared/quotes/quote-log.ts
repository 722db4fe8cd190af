import type { Article } from '../article/schema'
import type { QuoteLogEntry, Source } from '../article/source-log'
import { storyText } from '../search/search-document'
import { findQuotes, type FoundQuote, type QuoteField } from './find-quotes'

/** A quote as the Sources panel and preflight see it: in the text or not, and what is logged. */
export interface QuoteLine {
  quote: string
  /** Where it stands; undefined for a logged quote the text no longer holds. */
  field?: QuoteField
  entry?: QuoteLogEntry
  source?: Source
}

/**
 * The quotes the text holds, each with its log entry (matched by its words), then the entries
 * whose quote has gone from the text: edited or cut, they are kept until the desk removes them,
 * so a source once logged is never lost by a keystroke.
 */
export function quoteLines(
  found: readonly FoundQuote[],
  entries: readonly QuoteLogEntry[],
  sources: readonly Source[],
): QuoteLine[] {
  const byQuote = new Map(entries.map((entry) => [entry.quote, entry]))
  const sourceOf = (entry: QuoteLogEntry | undefined) =>
    entry?.sourceId === undefined ? undefined : sources.find(({ id }) => id === entry.sourceId)
  const inText = new Set(found.map(({ quote }) => quote))
  const line = (quote: string, entry: QuoteLogEntry | undefined, field?: QuoteField) => {
    const source = sourceOf(entry)
    return { quote, ...(field && { field }), ...(entry && { entry }), ...(source && { source }) }
  }
  return [
    ...found.map(({ quote, field }) => line(quote, byQuote.get(quote), field)),
    ...entries.filter(({ quote }) => !inText.has(quote)).map((entry) => line(entry.quote, entry)),
  ]
}

/** Quotes in the text that the desk has not ticked as checked. */
export const uncheckedQuotes = (lines: readonly QuoteLine[]) =>
  lines.filter((line) => line.field !== undefined && line.entry?.checked === undefined)

/** Quotes in the text that no source is linked to. */
export const unattributedQuotes = (lines: readonly QuoteLine[]) =>
  lines.filter((line) => line.field !== undefined && line.source === undefined)

/** The quotes of a stored story, each with what its log holds. */
export function storyQuoteLines(
  article: Pick<Article, 'headline' | 'standfirst' | 'body' | 'quotes' | 'sources'>,
  language: string,
): QuoteLine[] {
  const paragraphs = storyText(article.body).body.split('\n')
  const found = findQuotes({ ...article, paragraphs }, language)
  return quoteLines(found, article.quotes, article.sources)
}

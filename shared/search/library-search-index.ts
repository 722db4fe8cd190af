import MiniSearch, {
  type AsPlainObject,
  type Options,
  type Query,
  type SearchResult,
} from 'minisearch'
import { byUpdated, type ArticleSummary } from '../article'
import { SEARCHED_FIELDS, type SearchDocument, type SearchedField } from './search-document'
import type { ParsedSearchQuery, SearchHit, SearchResults } from './search-query'
import { rankedSearch } from './ranked-search'
import { normalizeTerm, tokenize } from './search-terms'

/** A match in the headline counts for more than one deep in the body. */
const FIELD_BOOST: Record<SearchedField, number> = {
  headline: 4,
  standfirst: 2,
  byline: 3,
  keywords: 2,
  captions: 1,
  body: 1,
  sources: 1,
}

/** A word this long is told apart from its neighbours well enough to forgive it one typo. */
const TYPO_MIN_LENGTH = 5
/**
 * Words are matched as typed first; only a query that finds fewer articles than this is searched
 * again forgiving typos (as Typesense's typo threshold does), and what that adds comes after. A
 * query whose words are all there gets no neighbours ("storm" finding "story").
 */
const TYPO_SEARCH_BELOW = 10

/**
 * Results show while a word is typed: the last word may be the start of one, once it has three
 * letters (two match too much of a library to be worth ranking). Earlier words are whole
 * (measured in bench/library.ts).
 */
const isPrefix = (term: string, index: number, terms: readonly string[]) =>
  index === terms.length - 1 && term.length >= 3

const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCHED_FIELDS],
  tokenize,
  processTerm: (term) => normalizeTerm(term) || null,
  searchOptions: {
    boost: FIELD_BOOST,
    combineWith: 'AND',
    prefix: isPrefix,
    fuzzy: false,
    // MiniSearch's own defaults, stated: the ranked search scores with the same.
    weights: { fuzzy: 0.45, prefix: 0.375 },
    bm25: { k: 1.2, b: 0.7, d: 0.5 },
  },
  // Saves replace documents all day; clean the discarded ones up in the background.
  autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1, batchSize: 500, batchWait: 10 },
}

export interface SearchIndexSnapshot {
  index: AsPlainObject
  summaries: ArticleSummary[]
}

const typoAllowance = (term: string) => (term.length >= TYPO_MIN_LENGTH ? 1 : false)

/** The query's words as the index holds them. */
const queryTerms = (text: string) => tokenize(text).map(normalizeTerm).filter(Boolean)

const forgivesTypos = (text: string) =>
  queryTerms(text).some((term) => term.length >= TYPO_MIN_LENGTH)

/** The word with each pair of neighbouring letters swapped in turn ("hosptial": "hospital"…). */
function swapsOf(term: string): string[] {
  const letters = [...term]
  const swaps = new Set<string>()
  for (let at = 0; at < letters.length - 1; at++) {
    if (letters[at] === letters[at + 1]) continue
    const swapped = [...letters]
    ;[swapped[at], swapped[at + 1]] = [letters[at + 1] as string, letters[at] as string]
    swaps.add(swapped.join(''))
  }
  return [...swaps]
}

/**
 * The query forgiving each long word one typo. MiniSearch's fuzzy match is Levenshtein distance,
 * where two letters typed in the wrong order ("hosptial") cost two edits, so one allowed edit
 * never reached them: a word also matches its swapped spellings as they stand (as a prefix too,
 * for the word being typed), which makes a swap one typo like any other. The swaps are not
 * fuzzy themselves, or a word would be forgiven two slips.
 */
function typoForgivingQuery(text: string): Query {
  const terms = queryTerms(text)
  return {
    combineWith: 'AND',
    queries: terms.map((term, index) => {
      const prefix = isPrefix(term, index, terms)
      const asTyped = { queries: [term], prefix, fuzzy: typoAllowance(term) }
      if (term.length < TYPO_MIN_LENGTH) return asTyped
      return {
        combineWith: 'OR',
        queries: [asTyped, { combineWith: 'OR', queries: swapsOf(term), prefix, fuzzy: false }],
      }
    }),
  }
}

const onDay = (timestamp: string) => timestamp.slice(0, 10)

function matchesFilters(summary: ArticleSummary, query: ParsedSearchQuery): boolean {
  if (query.status?.length && !query.status.includes(summary.status)) return false
  if (query.section && normalizeTerm(summary.section) !== normalizeTerm(query.section)) return false
  if (query.byline) {
    const wanted = normalizeTerm(query.byline)
    if (!summary.byline.some((entry) => normalizeTerm(entry.name).includes(wanted))) return false
  }
  const day = onDay(summary.updatedAt)
  if (query.updatedFrom && day < query.updatedFrom) return false
  if (query.updatedTo && day > query.updatedTo) return false
  return true
}

/**
 * Full-text search over a library: MiniSearch (chosen by measurement, see the README) plus what
 * each article's result shows. Pure: where the index is kept is the caller's business.
 */
export class LibrarySearchIndex {
  private readonly summaries = new Map<string, ArticleSummary>()

  private constructor(private readonly index: MiniSearch<SearchDocument>) {}

  static empty(): LibrarySearchIndex {
    return new LibrarySearchIndex(new MiniSearch(INDEX_OPTIONS))
  }

  /** Throws when the snapshot is not one this version wrote; the caller then rebuilds. */
  static fromSnapshot(snapshot: SearchIndexSnapshot): LibrarySearchIndex {
    const restored = new LibrarySearchIndex(MiniSearch.loadJS(snapshot.index, INDEX_OPTIONS))
    for (const summary of snapshot.summaries) restored.summaries.set(summary.id, summary)
    if (restored.index.documentCount !== restored.summaries.size)
      throw new Error('the search index and its article list disagree')
    return restored
  }

  get size(): number {
    return this.summaries.size
  }

  summaryOf(id: string): ArticleSummary | undefined {
    return this.summaries.get(id)
  }

  allSummaries(): ArticleSummary[] {
    return [...this.summaries.values()].sort(byUpdated)
  }

  /** Adds the article, or replaces what the index held of it. */
  put(document: SearchDocument, summary: ArticleSummary): void {
    if (this.index.has(document.id)) this.index.discard(document.id)
    this.index.add(document)
    this.summaries.set(document.id, summary)
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id)
    this.summaries.delete(id)
  }

  search(query: ParsedSearchQuery): SearchResults {
    const text = query.text.trim()
    const filtered = Boolean(
      query.status?.length || query.section || query.byline || query.updatedFrom || query.updatedTo,
    )
    if (!text) {
      const found = [...this.summaries.values()].filter((summary) => matchesFilters(summary, query))
      const hits = found
        .sort(byUpdated)
        .slice(0, query.limit)
        .map((article) => ({ article, score: 0, terms: [], fields: [] }))
      return { hits, total: found.length, indexed: this.size }
    }
    const filter = filtered
      ? (id: string) => {
          const summary = this.summaries.get(id)
          return summary !== undefined && matchesFilters(summary, query)
        }
      : undefined
    const compare =
      query.sort === 'updated'
        ? (a: string, b: string) => byUpdated(this.listed(a), this.listed(b))
        : undefined
    // Enough to hold every article found as typed when there are too few of them.
    const limit = Math.max(query.limit, TYPO_SEARCH_BELOW)
    let { results, total } = rankedSearch(this.index, text, {}, { filter, compare, limit })
    if (total < TYPO_SEARCH_BELOW && forgivesTypos(text)) {
      // Articles with the words as typed come first: BM25 alone would rank a rare neighbour
      // ("store" in one article) above a common word typed right ("storm" in many).
      const exact = new Set(results.map((result) => String(result.id)))
      const options = { filter, exclude: exact, compare, limit }
      const neighbours = rankedSearch(this.index, typoForgivingQuery(text), {}, options)
      total += neighbours.total
      results = [...results, ...neighbours.results]
      if (compare) results.sort((a, b) => compare(String(a.id), String(b.id)))
    }
    // Only the results shown are described; a common word can match most of the library.
    const hits = results.slice(0, query.limit).map((result) => this.hitOf(result))
    return { hits, total, indexed: this.size }
  }

  /** An article the index holds: every result is one. */
  private listed(id: string): ArticleSummary {
    return this.summaries.get(id) as ArticleSummary
  }

  snapshot(): SearchIndexSnapshot {
    return { index: this.index.toJSON(), summaries: [...this.summaries.values()] }
  }

  private hitOf(result: SearchResult): SearchHit {
    const fields = new Set<SearchedField>()
    for (const matched of Object.values(result.match))
      for (const field of matched) fields.add(field as SearchedField)
    return {
      article: this.listed(String(result.id)),
      score: result.score,
      terms: result.terms,
      fields: SEARCHED_FIELDS.filter((field) => fields.has(field)),
    }
  }
}

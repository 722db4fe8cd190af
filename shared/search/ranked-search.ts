import type MiniSearch from 'minisearch'
import type { Query, SearchOptions, SearchResult } from 'minisearch'

type DocumentTermFreqs = Map<number, number>
type FieldTermData = Map<number, DocumentTermFreqs>

interface TermIndex {
  get(term: string): FieldTermData | undefined
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>
}

/**
 * What MiniSearch keeps for its subclasses (its `protected` members). Its `loadJS` always makes a
 * plain MiniSearch, so they are read from the instance rather than through a subclass.
 */
interface IndexInternals {
  _options: {
    fields: string[]
    tokenize: (text: string) => string[]
    processTerm: (term: string) => string | string[] | null | undefined | false
    searchOptions: SearchOptions
  }
  _index: TermIndex
  _documentCount: number
  _dirtCount: number
  _documentIds: Map<number, unknown>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _idToShortId: Map<unknown, number>
  _avgFieldLength: number[]
  _nextId: number
}

/** A word of the index that a query word reaches (itself, by prefix or by typo), and its weight. */
interface Expansion {
  term: string
  weight: number
  data: FieldTermData
}

/**
 * The documents a query (or part of one) matches: dense arrays by MiniSearch's short id, and the
 * order MiniSearch's own result map would hold them in (which settles ties, as its stable sort).
 */
interface Matches {
  order: number[]
  score: Float64Array
  /**
   * Which of the query's words (as typed, by index) each document matched: MiniSearch's quality,
   * and none for a document not matched.
   */
  words: Uint32Array
}

/** Beyond this many distinct query words, a query goes to MiniSearch's own search. */
const MAX_WORDS = 32

interface Candidate {
  id: string
  short: number
  score: number
  /** Where MiniSearch's result map would hold it. */
  rank: number
}

export interface RankedOptions {
  /** Which documents may be results, by id. */
  filter?: (id: string) => boolean
  /** Documents never to return (already found another way); still counted out of `total`. */
  exclude?: ReadonlySet<string>
  /** Orders results before their score (as a stable sort on an earlier order would). */
  compare?: (a: string, b: string) => number
  limit: number
}

export interface Ranked {
  /** The best `limit` results, as MiniSearch's `search` describes them. */
  results: SearchResult[]
  /** How many documents match, filtered and not excluded. */
  total: number
}

/**
 * The best few results of a MiniSearch query, with the scores and order MiniSearch's `search`
 * gives them, without making a result object for every match. In a library of 100,000 articles a
 * common word matches nearly all of them, and `search` then builds and sorts 100,000 objects
 * (with their matched terms and fields) to show fifty. Here scores add up in typed arrays and
 * only the results shown are described. Queries of another shape go to `search` itself.
 */
export function rankedSearch(
  index: MiniSearch,
  query: Query,
  searchOptions: SearchOptions,
  options: RankedOptions,
): Ranked {
  const internals = index as unknown as IndexInternals
  try {
    return rank(index, internals, query, searchOptions, options)
  } finally {
    giveBackMatches(internals)
  }
}

function rank(
  index: MiniSearch,
  internals: IndexInternals,
  query: Query,
  searchOptions: SearchOptions,
  options: RankedOptions,
): Ranked {
  const queryWords: string[] = []
  const executed = executeQuery(internals, query, searchOptions, queryWords)
  if (!executed) return viaSearch(index, query, searchOptions, options)
  const { matches, shape } = executed

  const { filter, exclude, compare, limit } = options
  const ids = internals._documentIds
  const idOf = (short: number) => String(ids.get(short))
  const needsId = filter !== undefined || compare !== undefined
  const excluded = new Set([...(exclude ?? [])].map((id) => internals._idToShortId.get(id)))
  const candidates: Candidate[] = []
  const worse = (a: Candidate, b: Candidate) =>
    (compare?.(a.id, b.id) || b.score - a.score || a.rank - b.rank) > 0
  let total = 0
  const { order, score, words } = matches
  for (let at = 0; at < order.length; at++) {
    const short = order[at] as number
    if (excluded.has(short)) continue
    const id = needsId ? idOf(short) : ''
    if (filter && !filter(id)) continue
    total++
    const final = (score[short] as number) * (popCount(words[short] as number) || 1)
    const last = candidates[candidates.length - 1]
    // Most matches of a common word rank below the last kept: they cost a comparison.
    if (last && candidates.length === limit && !compare && final <= last.score) continue
    const candidate = { id: id || idOf(short), short, score: final, rank: at }
    if (last && candidates.length === limit && !worse(last, candidate)) continue
    let place = candidates.length
    while (place > 0 && worse(candidates[place - 1] as Candidate, candidate)) place--
    candidates.splice(place, 0, candidate)
    if (candidates.length > limit) candidates.pop()
  }
  return {
    total,
    results: candidates.map(({ id, short, score }) => {
      const match = matchOf(internals, shape, short) ?? {}
      const queryTerms = queryWords.filter((_, at) => (words[short] as number) & (1 << at))
      return { id, score, terms: Object.keys(match), queryTerms, match }
    }),
  }
}

function viaSearch(
  index: MiniSearch,
  query: Query,
  searchOptions: SearchOptions,
  { filter, exclude, compare, limit }: RankedOptions,
): Ranked {
  const found = index
    .search(query, searchOptions)
    .filter((result) => (!filter || filter(String(result.id))) && !exclude?.has(String(result.id)))
  if (compare) found.sort((a, b) => compare(String(a.id), String(b.id)))
  return { total: found.length, results: found.slice(0, limit) }
}

function popCount(bits: number): number {
  let count = 0
  for (let rest = bits; rest; rest &= rest - 1) count++
  return count
}

/**
 * Where one result's document holds the words the query reached, as MiniSearch's `match`: only
 * through the parts of the query the document satisfies.
 */
function matchOf(
  internals: IndexInternals,
  shape: Shape,
  short: number,
): Record<string, string[]> | undefined {
  if ('expansions' in shape) {
    const match: Record<string, string[]> = {}
    for (const { term, data } of shape.expansions)
      for (const field of shape.fields)
        if (data.get(internals._fieldIds[field] as number)?.has(short))
          (match[term] ??= []).push(field)
    return Object.keys(match).length > 0 ? match : undefined
  }
  const parts = shape.parts.map((part) => matchOf(internals, part, short))
  if (parts.length === 0 || (shape.combineWith === 'AND' && parts.includes(undefined)))
    return undefined
  const held = parts.filter((part) => part !== undefined)
  return held.length > 0 ? Object.assign({}, ...held) : undefined
}

/** A query as executed: each word's expansions, and how the parts combine. */
type Shape =
  { expansions: Expansion[]; fields: string[] } | { combineWith: 'AND' | 'OR'; parts: Shape[] }

/** MiniSearch's `executeQuery`, into dense arrays; undefined for a shape it does not take. */
function executeQuery(
  internals: IndexInternals,
  query: Query,
  searchOptions: SearchOptions,
  words: string[],
): { matches: Matches; shape: Shape } | undefined {
  if (typeof query === 'symbol') return undefined
  if (typeof query !== 'string') {
    const options: SearchOptions = { ...searchOptions, ...query }
    delete (options as { queries?: unknown }).queries
    const parts: { matches: Matches; shape: Shape }[] = []
    for (const part of query.queries) {
      const executed = executeQuery(internals, part, options, words)
      if (!executed) return undefined
      parts.push(executed)
    }
    return combine(internals, parts, options.combineWith)
  }
  const { tokenize, processTerm, searchOptions: defaults } = internals._options
  const options = { tokenize, processTerm, ...defaults, ...searchOptions }
  if (options.boostTerm || options.boostDocument) return undefined
  const fields = options.fields ?? internals._options.fields
  const terms = options
    .tokenize(query)
    .flatMap((term) => options.processTerm(term) || [])
    .filter((term): term is string => !!term)
  const parts: { matches: Matches; shape: Shape }[] = []
  for (const [at, term] of terms.entries()) {
    const fuzzy =
      typeof options.fuzzy === 'function' ? options.fuzzy(term, at, terms) : options.fuzzy || false
    const prefix =
      typeof options.prefix === 'function'
        ? options.prefix(term, at, terms)
        : options.prefix === true
    let word = words.indexOf(term)
    if (word < 0) word = words.push(term) - 1
    if (word >= MAX_WORDS) return undefined
    const expansions = expand(internals, term, prefix, fuzzy, options)
    parts.push({
      matches: scoreWord(internals, expansions, word, { ...options, fields }),
      shape: { expansions, fields },
    })
  }
  return combine(internals, parts, options.combineWith)
}

/** The index's words a query word reaches: itself, by prefix, by typo (in MiniSearch's order). */
function expand(
  internals: IndexInternals,
  term: string,
  prefix: boolean,
  fuzzy: boolean | number,
  options: SearchOptions,
): Expansion[] {
  const weights = { fuzzy: 0.45, prefix: 0.375, ...options.weights }
  const spelled: Expansion[] = []
  const exact = internals._index.get(term)
  if (exact) spelled.push({ term, weight: 1, data: exact })
  let byTypo: Map<string, [FieldTermData, number]> | undefined
  if (fuzzy) {
    const allowed = fuzzy === true ? 0.2 : fuzzy
    const maxDistance =
      allowed < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * allowed)) : allowed
    if (maxDistance) byTypo = internals._index.fuzzyGet(term, maxDistance)
  }
  if (prefix)
    for (const [found, data] of internals._index.atPrefix(term)) {
      const distance = found.length - term.length
      if (!distance) continue
      byTypo?.delete(found)
      spelled.push({
        term: found,
        weight: (weights.prefix * found.length) / (found.length + 0.3 * distance),
        data,
      })
    }
  if (byTypo)
    for (const [found, [data, distance]] of byTypo) {
      if (!distance) continue
      spelled.push({
        term: found,
        weight: (weights.fuzzy * found.length) / (found.length + distance),
        data,
      })
    }
  return spelled
}

/**
 * Each field's length in every document, by short id: scoring looks one up per posting, and a
 * typed array answers it faster than MiniSearch's map of 100,000 documents. Kept until a document
 * comes or goes (each takes a new short id or changes the count).
 */
const denseLengths = new WeakMap<IndexInternals, { version: string; byField: Uint32Array[] }>()

function fieldLengthsOf(internals: IndexInternals): Uint32Array[] {
  const version = `${internals._nextId}:${internals._documentCount}`
  const kept = denseLengths.get(internals)
  if (kept?.version === version) return kept.byField
  const byField = internals._avgFieldLength.map(() => new Uint32Array(internals._nextId))
  internals._fieldLength.forEach((lengths, short) =>
    lengths.forEach((length, fieldId) => {
      const field = byField[fieldId]
      if (field) field[short] = length
    }),
  )
  denseLengths.set(internals, { version, byField })
  return byField
}

/**
 * Arrays for matches, kept between searches: a search of 100,000 articles would otherwise take a
 * megabyte for each word and each typo neighbour, and the garbage collector's pauses with it.
 */
const spareMatches = new WeakMap<IndexInternals, Matches[]>()
/** Taken during the search running now (searches are synchronous), given back at its end. */
const matchesInUse: Matches[] = []
const SPARE_KEPT = 8

function takeMatches(internals: IndexInternals): Matches {
  const size = internals._nextId
  const spare = spareMatches.get(internals) ?? []
  spareMatches.set(internals, spare)
  let matches = spare.pop()
  // Arrays made before documents were added are too short for them.
  while (matches && matches.score.length < size) matches = spare.pop()
  matches ??= { order: [], score: new Float64Array(size), words: new Uint32Array(size) }
  matchesInUse.push(matches)
  return matches
}

function giveBackMatches(internals: IndexInternals): void {
  const spare = spareMatches.get(internals) ?? []
  for (const matches of matchesInUse.splice(0)) {
    // Only the documents in `order` were ever written.
    for (const short of matches.order) {
      matches.score[short] = 0
      matches.words[short] = 0
    }
    matches.order = []
    if (spare.length < SPARE_KEPT) spare.push(matches)
  }
  spareMatches.set(internals, spare)
}

/** MiniSearch's `termResults` for each word reached, with BM25+ as it computes it. */
function scoreWord(
  internals: IndexInternals,
  spelled: Expansion[],
  word: number,
  options: SearchOptions,
): Matches {
  const { k, b, d } = { k: 1.2, b: 0.7, d: 0.5, ...options.bm25 }
  const matches = takeMatches(internals)
  const { order, score: scores, words } = matches
  const fields = options.fields ?? internals._options.fields
  const total = internals._documentCount
  // No document discarded since the index was last vacuumed: every posting is a live one.
  const clean = internals._dirtCount === 0
  const fieldLengths = fieldLengthsOf(internals)
  for (const { weight, data } of spelled)
    for (const field of fields) {
      const fieldBoost = options.boost?.[field] || 1
      const fieldId = internals._fieldIds[field] as number
      const frequencies = data.get(fieldId)
      if (!frequencies) continue
      let matching = frequencies.size
      const inverseOf = () => Math.log(1 + (total - matching + 0.5) / (matching + 0.5))
      let inverse = inverseOf()
      const averageLength = internals._avgFieldLength[fieldId] as number
      const documents = internals._documentIds
      const lengths = fieldLengths[fieldId] as Uint32Array
      // forEach: an entries loop makes a pair for each of 100,000 postings.
      frequencies.forEach((frequency, short) => {
        // A discarded document's words stay until the index is vacuumed (MiniSearch counts it
        // out of the word's documents from there on).
        if (!clean && !documents.has(short)) {
          matching -= 1
          inverse = inverseOf()
          return
        }
        const fieldLength = lengths[short] as number
        const bm25 =
          inverse *
          (d +
            (frequency * (k + 1)) / (frequency + k * (1 - b + (b * fieldLength) / averageLength)))
        const weighted = weight * fieldBoost * bm25
        if (words[short]) {
          scores[short] = (scores[short] as number) + weighted
        } else {
          scores[short] = weighted
          words[short] = 1 << word
          order.push(short)
        }
      })
    }
  return matches
}

/** MiniSearch's AND and OR of results, in the order its maps would keep them. */
function combine(
  internals: IndexInternals,
  parts: { matches: Matches; shape: Shape }[],
  combineWith: string | undefined = 'OR',
): { matches: Matches; shape: Shape } | undefined {
  const operator = combineWith.toUpperCase()
  if (operator !== 'AND' && operator !== 'OR') return undefined
  const shape: Shape = { combineWith: operator, parts: parts.map((part) => part.shape) }
  if (parts.length === 0) return { matches: takeMatches(internals), shape }
  const matches = parts
    .map((part) => part.matches)
    .reduce((a, b) => {
      if (operator === 'OR') {
        for (const short of b.order) {
          if (a.words[short]) {
            a.score[short] = (a.score[short] as number) + (b.score[short] as number)
            a.words[short] = (a.words[short] as number) | (b.words[short] as number)
          } else {
            a.score[short] = b.score[short] as number
            a.words[short] = b.words[short] as number
            a.order.push(short)
          }
        }
        return a
      }
      const both = takeMatches(internals)
      for (const short of b.order) {
        if (!a.words[short]) continue
        both.score[short] = (a.score[short] as number) + (b.score[short] as number)
        both.words[short] = (a.words[short] as number) | (b.words[short] as number)
        both.order.push(short)
      }
      return both
    })
  return { matches, shape }
}

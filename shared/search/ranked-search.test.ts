import fc from 'fast-check'
import MiniSearch, { type Query, type SearchOptions } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { rankedSearch } from './ranked-search'

const FIELDS = ['headline', 'byline', 'body']
/** Few words, sharing starts and one letter apart, so prefixes, typos and ties are common. */
const WORDS = ['port', 'ports', 'portal', 'post', 'storm', 'store', 'story', 'stormy', 'trial']
const RUNS = 150

const wordsArbitrary = (max: number) =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((words) => words.join(' '))
const documentArbitrary = fc.record({
  headline: wordsArbitrary(4),
  byline: wordsArbitrary(2),
  body: wordsArbitrary(12),
})
/** A word as the search box sends it: whole, cut short, or with a typo. */
const queryWordArbitrary = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...WORDS).map((word) => word.slice(0, 3)),
  fc.constantFrom('stroy', 'prot', 'tiral', 'pots'),
)
const leafArbitrary: fc.Arbitrary<Query> = fc.oneof(
  fc.array(queryWordArbitrary, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
  fc.record({
    queries: fc.array(queryWordArbitrary, { minLength: 1, maxLength: 3 }),
    prefix: fc.boolean(),
    fuzzy: fc.constantFrom(false, 1, 0.2),
  }),
)
/** Trees as deep as the library's typo-forgiving query (a word OR its swaps, ANDed). */
const queryArbitrary: fc.Arbitrary<Query> = fc.oneof(
  leafArbitrary,
  fc.record({
    combineWith: fc.constantFrom('AND', 'OR'),
    queries: fc.array(
      fc.oneof(
        leafArbitrary,
        fc.record({
          combineWith: fc.constantFrom('AND', 'OR'),
          queries: fc.array(leafArbitrary, { minLength: 1, maxLength: 3 }),
        }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
)
const optionsArbitrary: fc.Arbitrary<SearchOptions> = fc.record({
  combineWith: fc.constantFrom('AND', 'OR'),
  prefix: fc.constantFrom(
    true,
    false,
    (term: string, index: number, terms: string[]) =>
      index === terms.length - 1 && term.length >= 3,
  ),
  fuzzy: fc.constantFrom(false, 1, 0.2),
  boost: fc.constantFrom<Record<string, number>>({}, { headline: 4, byline: 3 }),
})

function indexOf(
  documents: { headline: string; byline: string; body: string }[],
  replaced: number,
) {
  const index = new MiniSearch({ fields: FIELDS, autoVacuum: false })
  index.addAll(documents.map((document, id) => ({ id: `a${id}`, ...document })))
  // Saves replace documents: the index then holds discarded ones until it is vacuumed.
  for (let id = 0; id < Math.min(replaced, documents.length); id++) {
    index.discard(`a${id}`)
    index.add({ id: `a${id}`, ...documents[documents.length - 1 - id] })
  }
  return index
}

describe('rankedSearch', () => {
  it('gives the results, scores, order and count of MiniSearch search, for the best few', () => {
    let compared = 0
    fc.assert(
      fc.property(
        fc.array(documentArbitrary, { minLength: 1, maxLength: 40 }),
        fc.nat(5),
        fc.array(fc.tuple(queryArbitrary, optionsArbitrary), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (documents, replaced, queries, limit, filtered) => {
          const index = indexOf(documents, replaced)
          const filter = filtered ? (id: string) => Number(id.slice(1)) % 3 !== 0 : undefined
          for (const [query, options] of queries) {
            // Ranked first: MiniSearch's search cleans up the discarded postings it meets.
            const ranked = rankedSearch(index, query, options, { filter, limit })
            const all = index
              .search(query, options)
              .filter((result) => !filter || filter(String(result.id)))
            expect(ranked.total).toBe(all.length)
            expect(ranked.results.map(({ id, score }) => ({ id, score }))).toEqual(
              all.slice(0, limit).map(({ id, score }) => ({ id, score })),
            )
            for (const [at, result] of ranked.results.entries()) {
              expect(result.match).toEqual(all[at]?.match)
              expect(new Set(result.terms)).toEqual(new Set(all[at]?.terms))
            }
            if (all.length > 0) compared++
          }
        },
      ),
      { numRuns: RUNS },
    )
    expect(compared).toBeGreaterThan(RUNS / 2)
  })

  it('orders by the caller first, as a stable sort of the scored results would', () => {
    const documents = Array.from({ length: 30 }, (_, id) => ({
      headline: WORDS[id % WORDS.length] ?? '',
      byline: '',
      body: WORDS.slice(0, (id % 5) + 1).join(' '),
    }))
    const index = indexOf(documents, 3)
    const day = (id: string) => Number(id.slice(1)) % 4
    const compare = (a: string, b: string) => day(b) - day(a)
    const ranked = rankedSearch(index, 'port', {}, { compare, limit: 8 })
    const all = index.search('port').sort((a, b) => compare(String(a.id), String(b.id)))
    expect(ranked.results.map((result) => result.id)).toEqual(
      all.slice(0, 8).map((result) => result.id),
    )
    expect(ranked.total).toBe(all.length)
  })

  it('leaves out the documents excluded, and counts the rest', () => {
    const index = indexOf(
      Array.from({ length: 12 }, () => ({ headline: 'storm', byline: '', body: 'port' })),
      0,
    )
    const exclude = new Set(['a0', 'a5'])
    const ranked = rankedSearch(index, 'storm', {}, { exclude, limit: 20 })
    expect(ranked.total).toBe(10)
    expect(ranked.results.map((result) => result.id)).not.toContain('a5')
  })
})

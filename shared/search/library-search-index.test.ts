import { describe, expect, it } from 'vitest'
import {
  createArticle,
  summarize,
  type Article,
  type NewArticleInput,
  type TiptapNode,
} from '../article'
import { highlightParts, snippetAround } from './highlight'
import { LibrarySearchIndex } from './library-search-index'
import { searchDocumentOf } from './search-document'
import { SearchQuerySchema, type SearchQuery } from './search-query'

let counter = 0
function article(input: NewArticleInput, updatedAt = '2026-05-01T10:00:00.000Z'): Article {
  counter++
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
  return { ...createArticle(input, id, new Date(updatedAt)), updatedAt }
}

const paragraph = (text: string): TiptapNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})
const body = (...blocks: TiptapNode[]): TiptapNode => ({ type: 'doc', content: blocks })

const ferry = article(
  {
    headline: 'Harbour ferry back in service',
    standfirst: 'Commuters cheer the Kahu',
    byline: [{ name: 'Ana Lee' }],
    section: 'Local',
    keywords: ['transport'],
    status: 'published',
    body: body(paragraph('The ferry returned on Monday after storm repairs in Montréal.'), {
      type: 'figure',
      attrs: { src: 'assets/ferry.jpg', alt: 'A white boat', credit: 'Photo: Sam Roe' },
      content: [{ type: 'text', text: 'The Kahu at the breakwater' }],
    }),
  },
  '2026-03-02T08:00:00.000Z',
)
const budget = article(
  {
    headline: 'Council approves budget',
    byline: [{ name: "Mere O'Brien" }],
    section: 'Politics',
    status: 'draft',
    body: body(paragraph('Rates rise by four percent; the harbour upgrade is delayed.')),
  },
  '2026-06-10T08:00:00.000Z',
)
const hospital = article(
  {
    headline: 'Hospital wing opens',
    byline: [{ name: 'Sam Roe' }],
    section: 'Health',
    status: 'published',
    body: body(paragraph('Patients moved into the new wing on Tuesday.')),
  },
  '2026-09-20T08:00:00.000Z',
)

function indexOf(...articles: Article[]): LibrarySearchIndex {
  const index = LibrarySearchIndex.empty()
  for (const each of articles) index.put(searchDocumentOf(each), summarize(each))
  return index
}

const find = (index: LibrarySearchIndex, query: SearchQuery) =>
  index.search(SearchQuerySchema.parse(query))
const ids = (index: LibrarySearchIndex, query: SearchQuery) =>
  find(index, query).hits.map((hit) => hit.article.id)

describe('library search', () => {
  const index = indexOf(ferry, budget, hospital)

  it('finds words in every field a desk searches', () => {
    expect(ids(index, { text: 'breakwater' })).toEqual([ferry.id]) // caption
    expect(ids(index, { text: 'Roe' }).sort()).toEqual([ferry.id, hospital.id].sort()) // credit, byline
    expect(ids(index, { text: 'transport' })).toEqual([ferry.id]) // keyword
    expect(ids(index, { text: 'commuters' })).toEqual([ferry.id]) // standfirst
    expect(ids(index, { text: 'patients' })).toEqual([hospital.id]) // body
  })

  it('matches the start of a word, a typo, and ignores case and accents', () => {
    expect(ids(index, { text: 'harb' }).sort()).toEqual([ferry.id, budget.id].sort())
    expect(ids(index, { text: 'hospitel' })).toEqual([hospital.id])
    expect(ids(index, { text: 'montreal' })).toEqual([ferry.id])
    // The apostrophe splits the name; the typo allowance bridges it.
    expect(ids(index, { text: 'OBRIEN' })).toEqual([budget.id])
    expect(ids(index, { text: "o'brien" })).toEqual([budget.id])
  })

  it('forgives two letters swapped as one typo, after the articles spelled as typed', () => {
    expect(ids(index, { text: 'hosptial' })).toEqual([hospital.id])
    expect(ids(index, { text: 'harbuor' }).sort()).toEqual([ferry.id, budget.id].sort())
    // While the swapped word is still being typed, the start of the right one is found.
    expect(ids(index, { text: 'hosptia' })).toEqual([hospital.id])
    expect(ids(index, { text: 'ferry harbuor' })).toEqual([ferry.id])
    // One swap is the one typo a word is forgiven: two are not, nor a swap and another slip.
    expect(ids(index, { text: 'hsoptial' })).toEqual([])
    expect(ids(index, { text: 'hosptiel' })).toEqual([])
    // A word under five letters is never forgiven a swap.
    expect(ids(index, { text: 'wnig' })).toEqual([])
    const misspelt = article({ headline: 'Hosptial parking fees rise' })
    expect(ids(indexOf(hospital, misspelt), { text: 'hosptial' })).toEqual([
      misspelt.id,
      hospital.id,
    ])
  })

  it('forgives a typo only when the words as typed find fewer than ten articles', () => {
    const storms = (count: number) =>
      Array.from({ length: count }, (_, at) =>
        article({ headline: `Storm ${at + 1} closes the coast road` }),
      )
    const store = article({ headline: 'Corner store closes after forty years' })
    // Ten articles have "storm": its neighbour "store" stays out of the results.
    expect(ids(indexOf(...storms(10), store), { text: 'storm' })).not.toContain(store.id)
    // Nine are too few to be sure the word was meant as typed: "store" comes in, after them.
    const fewer = ids(indexOf(...storms(9), store), { text: 'storm' })
    expect(fewer).toHaveLength(10)
    expect(fewer.at(-1)).toBe(store.id)
    // A word under five letters is never forgiven a typo, however few articles it finds.
    expect(ids(indexOf(store), { text: 'stoe' })).toEqual([])
    expect(ids(indexOf(store), { text: 'storr' })).toEqual([store.id])
  })

  it('counts every match while describing the first few, typo neighbours by date too', () => {
    const storms = Array.from({ length: 4 }, (_, at) =>
      article({ headline: `Storm ${at + 1} closes the road` }, `2026-05-0${at + 2}T10:00:00.000Z`),
    )
    const store = article({ headline: 'Corner store closes' }, '2026-05-09T10:00:00.000Z')
    const library = indexOf(...storms, store)
    expect(find(library, { text: 'storm', limit: 2 })).toMatchObject({ total: 5, indexed: 5 })
    expect(find(library, { text: 'storm', limit: 2 }).hits).toHaveLength(2)
    // By last update, the neighbour found by a typo takes its place among the rest.
    expect(ids(library, { text: 'storm', sort: 'updated', limit: 3 })).toEqual([
      store.id,
      storms[3]?.id,
      storms[2]?.id,
    ])
    expect(ids(library, { text: 'storm', status: ['published'] })).toEqual([])
  })

  it('needs every word of the query, and ranks a headline match first', () => {
    expect(ids(index, { text: 'harbour ferry' })).toEqual([ferry.id])
    expect(ids(index, { text: 'harbour' })[0]).toBe(ferry.id)
  })

  it('filters by status, byline, section and date range, and sorts by last update', () => {
    expect(ids(index, { text: 'harbour', status: ['draft'] })).toEqual([budget.id])
    expect(ids(index, { text: '', byline: 'roe' })).toEqual([hospital.id])
    expect(ids(index, { text: '', section: 'politics' })).toEqual([budget.id])
    expect(ids(index, { text: '', updatedFrom: '2026-03-02', updatedTo: '2026-06-10' })).toEqual([
      budget.id,
      ferry.id,
    ])
    expect(ids(index, { text: 'harbour', sort: 'updated' })).toEqual([budget.id, ferry.id])
    expect(find(index, { text: '', limit: 1 })).toMatchObject({ total: 3, indexed: 3 })
  })

  it('says which fields and words matched, for highlighting', () => {
    const [hit] = find(index, { text: 'kahu' }).hits
    expect(hit?.terms).toEqual(['kahu'])
    expect(hit?.fields).toEqual(['standfirst', 'captions'])
  })

  it('finds a story by the name of a source in its log, and says so', () => {
    const quoting = article({
      headline: 'Pilots warn of silt',
      sources: [
        {
          id: '5a0e3f1c-1111-4222-8333-444455556666',
          name: 'Hemi Walker',
          role: 'harbour pilot',
          reached: 'phone',
          contact: '021 555 0199',
          notes: '',
          createdAt: '2026-05-01T10:00:00.000Z',
        },
      ],
    })
    const withSources = indexOf(ferry, budget, quoting)
    expect(ids(withSources, { text: 'walker' })).toEqual([quoting.id])
    expect(find(withSources, { text: 'hemi walker' }).hits[0]?.fields).toEqual(['sources'])
    // What the log says of them is the desk's alone: not searched.
    expect(ids(withSources, { text: '0199' })).toEqual([])
  })

  it('forgets an article replaced or removed', () => {
    const changing = indexOf(ferry, budget)
    const edited = { ...ferry, headline: 'Ferry cancelled again', body: body(paragraph('Gales.')) }
    changing.put(searchDocumentOf(edited), summarize(edited))
    expect(ids(changing, { text: 'service' })).toEqual([])
    expect(ids(changing, { text: 'cancelled' })).toEqual([ferry.id])
    changing.remove(budget.id)
    expect(ids(changing, { text: 'budget' })).toEqual([])
    expect(changing.size).toBe(1)
  })

  it('comes back from its snapshot answering the same', () => {
    const restored = LibrarySearchIndex.fromSnapshot(
      JSON.parse(JSON.stringify(index.snapshot())) as ReturnType<typeof index.snapshot>,
    )
    for (const text of ['harb', 'roe', 'hospitel', 'breakwater'])
      expect(ids(restored, { text })).toEqual(ids(index, { text }))
  })
})

describe('highlighting', () => {
  it('marks the matched words, whatever their case or accents', () => {
    expect(highlightParts('Ferry back in Montréal; the FERRY', ['ferry', 'montreal'])).toEqual([
      { text: 'Ferry', match: true },
      { text: ' back in ', match: false },
      { text: 'Montréal', match: true },
      { text: '; the ', match: false },
      { text: 'FERRY', match: true },
    ])
  })

  it('cuts a passage around the first match at word boundaries', () => {
    const text = `${'Earlier words here. '.repeat(20)}The ferry returned on Monday. ${'More text follows. '.repeat(20)}`
    const snippet = snippetAround(text, ['ferry'], 80)
    expect(snippet).toMatch(/^….*The ferry returned on Monday.*…$/)
    expect(snippet?.length).toBeLessThanOrEqual(84)
    expect(snippetAround(text, ['absent'])).toBeUndefined()
  })
})

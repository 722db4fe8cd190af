import { describe, expect, it } from 'vitest'
import { byUpdated, withSummary } from './library-order'
import type { ArticleSummary } from './summary'

const summary = (id: string, updatedAt: string, headline = id): ArticleSummary => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  slug: headline,
  headline,
  status: 'draft',
  section: '',
  byline: [],
  updatedAt,
  revision: 1,
  wordCount: 0,
})

const listed = [
  summary('3', '2026-11-29T12:00:00.000Z'),
  summary('2', '2026-11-29T11:00:00.000Z'),
  summary('1', '2026-11-29T10:00:00.000Z'),
]
const ids = (articles: ArticleSummary[]) => articles.map((article) => article.headline)

describe('the library list with one article changed', () => {
  it('moves a saved article to the top, once, as saved', () => {
    const saved = summary('1', '2026-11-29T13:00:00.000Z', 'Ferry returns')
    const list = withSummary(listed, saved)
    expect(ids(list)).toEqual(['Ferry returns', '3', '2'])
    expect(list[0]).toBe(saved)
  })

  it('puts a new article where its date places it, and leaves the list given untouched', () => {
    const list = withSummary(listed, summary('4', '2026-11-29T11:30:00.000Z'))
    expect(ids(list)).toEqual(['3', '4', '2', '1'])
    expect(ids(listed)).toEqual(['3', '2', '1'])
  })

  it('puts an article older than all the others last', () => {
    expect(ids(withSummary(listed, summary('4', '2026-11-28T09:00:00.000Z')))).toEqual([
      '3',
      '2',
      '1',
      '4',
    ])
  })

  it('keeps the order a full sort gives, ties included', () => {
    const tie = summary('0', '2026-11-29T11:00:00.000Z')
    expect(withSummary(listed, tie)).toEqual([...listed, tie].sort(byUpdated))
  })
})

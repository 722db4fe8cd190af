import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../shared/article/summary'
import type { LibraryListing } from '../../../shared/library/library-listing'
import { findArticleId } from './article-reference'

const summary = (id: string, slug: string) => ({ id, slug }) as ArticleSummary
const listing: LibraryListing = {
  root: '/news/Copydesk',
  articles: [
    summary('3f2a9c10-1111-4a4a-8b8b-000000000001', 'bridge-closes'),
    summary('3f2a9c10-2222-4a4a-8b8b-000000000002', 'bridge-reopens'),
    summary('7c1d0e22-3333-4a4a-8b8b-000000000003', 'budget-passes'),
  ],
  damaged: [{ folder: 'ferry-returns-9e8d7c6b', reason: 'article.json is not valid JSON.' }],
}

describe('finding the article a person means', () => {
  it('takes a full id, a slug, or an id prefix that only one article has', () => {
    const budget = '7c1d0e22-3333-4a4a-8b8b-000000000003'
    expect(findArticleId(listing, budget)).toEqual({ ok: true, value: budget })
    expect(findArticleId(listing, 'budget-passes')).toEqual({ ok: true, value: budget })
    expect(findArticleId(listing, ' 7C1D ')).toEqual({ ok: true, value: budget })
  })

  it('asks for more of an id that several articles start with', () => {
    expect(findArticleId(listing, '3f2a9c10')).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-request',
        message: '"3f2a9c10" matches 2 articles; give more of the id.',
      },
    })
  })

  it('says what is wrong with a damaged article, and that nothing matches otherwise', () => {
    expect(findArticleId(listing, '9e8d7c6b')).toMatchObject({
      ok: false,
      error: { kind: 'damaged', message: 'article.json is not valid JSON.' },
    })
    expect(findArticleId(listing, 'nothing-here')).toMatchObject({
      ok: false,
      error: { kind: 'not-found', message: 'No article matches "nothing-here" in /news/Copydesk.' },
    })
  })
})

import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArticleSummary } from '../../../shared/article'
import type { LibraryListing } from '../../../shared/library/library-listing'
import { ok } from '../../../shared/result'

const summary = (n: number, updatedAt: string, revision = 1): ArticleSummary => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  slug: `story-${n}`,
  headline: `Story ${n}`,
  status: 'draft',
  section: '',
  byline: [],
  updatedAt,
  revision,
  wordCount: 100,
})
const onDisk: { listing: LibraryListing } = {
  listing: { root: '/library', articles: [], damaged: [] },
}
const invoke = vi.fn((channel: string, _request: unknown) =>
  Promise.resolve(channel === 'library:list' ? ok(onDisk.listing) : ok([])),
)
vi.mock('../api/client', () => ({ client: { invoke } }))

const { useLibrary } = await import('./library-store')
const reads = () => invoke.mock.calls.filter(([channel]) => channel === 'library:list').length
const headlines = () => useLibrary.getState().listing?.articles.map((article) => article.headline)

describe('the library list following changes', () => {
  beforeEach(async () => {
    onDisk.listing = {
      root: '/library',
      articles: [summary(2, '2026-11-29T11:00:00.000Z'), summary(1, '2026-11-29T10:00:00.000Z')],
      damaged: [],
    }
    await useLibrary.getState().refresh()
    invoke.mockClear()
  })

  it('moves a saved article to the top from the change alone, without reading the list', async () => {
    const saved = { ...summary(1, '2026-11-29T12:00:00.000Z', 2), headline: 'Ferry returns' }
    await useLibrary.getState().changed({ id: saved.id, change: 'saved', summary: saved })
    expect(reads()).toBe(0)
    expect(headlines()).toEqual(['Ferry returns', 'Story 2'])
  })

  it('leaves the list as it is when the same save is heard again from the disk', async () => {
    const before = useLibrary.getState().listing
    const seen = summary(2, '2026-11-29T11:00:00.000Z')
    await useLibrary.getState().changed({ id: seen.id, change: 'external', summary: seen })
    expect(useLibrary.getState().listing).toBe(before)
    expect(reads()).toBe(0)
  })

  it('reads the list and the trash afresh when an article is trashed, restored or no longer listed', async () => {
    const { id } = summary(1, '')
    await useLibrary.getState().changed({ id, change: 'trashed' })
    await useLibrary
      .getState()
      .changed({ id, change: 'restored', summary: summary(1, '2026-11-29T13:00:00.000Z') })
    await useLibrary.getState().changed({ id, change: 'external' })
    expect(reads()).toBe(3)
    expect(invoke.mock.calls.filter(([channel]) => channel === 'trash:list')).toHaveLength(3)
  })

  it('reads the list afresh for an article new to it while damaged entries are shown (one may be mended)', async () => {
    onDisk.listing = {
      ...onDisk.listing,
      damaged: [{ folder: 'bad-1234abcd', reason: 'not JSON' }],
    }
    await useLibrary.getState().refresh()
    invoke.mockClear()
    const saved = summary(1, '2026-11-29T12:00:00.000Z', 2)
    await useLibrary.getState().changed({ id: saved.id, change: 'saved', summary: saved })
    expect(reads()).toBe(0)
    const mended = summary(3, '2026-11-29T12:00:00.000Z')
    await useLibrary.getState().changed({ id: mended.id, change: 'external', summary: mended })
    expect(reads()).toBe(1)
  })

  it('keeps a story added while a slower read of the list was on its way', async () => {
    // The read answers with the list as it was before the story came into the library.
    let answer: (value: ReturnType<typeof ok<LibraryListing>>) => void = () => undefined
    invoke.mockImplementationOnce(
      () => new Promise((resolve) => (answer = resolve as typeof answer)),
    )
    const before = onDisk.listing
    const reading = useLibrary.getState().refresh()
    const arrived = summary(3, '2026-11-29T12:00:00.000Z')
    await useLibrary.getState().changed({ id: arrived.id, change: 'created', summary: arrived })
    answer(ok(before))
    await reading
    expect(headlines()).toEqual(['Story 3', 'Story 2', 'Story 1'])
  })
})

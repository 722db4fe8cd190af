import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createArticle } from '../../../shared/article/create'
import type { Article } from '../../../shared/article'
import { ok } from '../../../shared/result'

const ARTICLE_ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b'
const onDisk: { article: Article } = {
  article: createArticle({ headline: 'Council votes' }, ARTICLE_ID, new Date(0)),
}
const invoke = vi.fn((channel: string, _request: unknown) => {
  if (channel === 'article:open') return Promise.resolve(ok(onDisk.article))
  if (channel === 'desk:join') return Promise.resolve(ok({ shared: false }))
  if (channel === 'article:lock') return Promise.resolve(ok({ editable: true }))
  return Promise.resolve(ok(null))
})

vi.mock('../api/client', () => ({
  client: { invoke, on: () => () => undefined, assetUrl: () => '', isDesktop: false },
}))

const { useEditorStore } = await import('./editor-store')

const opensOfArticle = () => invoke.mock.calls.filter(([channel]) => channel === 'article:open')

describe('an open article changed on disk', () => {
  beforeEach(async () => {
    onDisk.article = { ...onDisk.article, revision: 3, headline: 'Council votes' }
    await useEditorStore.getState().open(ARTICLE_ID)
    invoke.mockClear()
  })

  it('is not read again when the revision on disk is the one open (our own save)', async () => {
    await useEditorStore.getState().changedOnDisk(ARTICLE_ID, 3)
    expect(opensOfArticle()).toHaveLength(0)
  })

  it('is read and shown when the revision on disk is newer and nothing is unsaved here', async () => {
    onDisk.article = { ...onDisk.article, revision: 4, headline: 'Council votes again' }
    await useEditorStore.getState().changedOnDisk(ARTICLE_ID, 4)
    expect(opensOfArticle()).toHaveLength(1)
    expect(useEditorStore.getState().article).toMatchObject({
      revision: 4,
      headline: 'Council votes again',
    })
  })

  it('is read when the change does not say which revision is on disk', async () => {
    await useEditorStore.getState().changedOnDisk(ARTICLE_ID)
    expect(opensOfArticle()).toHaveLength(1)
    expect(useEditorStore.getState().article?.revision).toBe(3)
  })
})

describe('the crash journal', () => {
  it('holds what was typed up to a moment ago while typing goes on (3.5 s without a pause)', async () => {
    onDisk.article = { ...onDisk.article, revision: 3 }
    await useEditorStore.getState().open(ARTICLE_ID)
    vi.useFakeTimers()
    try {
      invoke.mockClear()
      const journaled = () =>
        invoke.mock.calls
          .filter(([channel]) => channel === 'recovery:write')
          .map(([, request]) => (request as { fields: { standfirst: string } }).fields.standfirst)
      // Someone typing steadily, a key every 100 ms, never pausing long enough to autosave.
      let typed = ''
      for (const letter of 'The council met at dawn to vote now') {
        typed += letter
        useEditorStore.getState().edit({ standfirst: typed })
        await vi.advanceTimersByTimeAsync(100)
      }
      const last = journaled().at(-1) ?? ''
      expect(typed.startsWith(last)).toBe(true)
      // At most the last second of typing is not in the journal yet.
      expect(typed.length - last.length).toBeLessThanOrEqual(10)
      expect(invoke.mock.calls.some(([channel]) => channel === 'article:save')).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })
})

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
    await useEditorStore.getState().open(ARTICLE_ID, { again: true })
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

describe('asking for the story already open', () => {
  const OTHER_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'

  beforeEach(async () => {
    onDisk.article = { ...onDisk.article, id: ARTICLE_ID, revision: 3 }
    await useEditorStore.getState().open(ARTICLE_ID, { again: true })
    invoke.mockClear()
  })

  it('keeps it on screen as it is: nothing is read, the editors are not remounted', async () => {
    const { loadCount } = useEditorStore.getState()
    expect(await useEditorStore.getState().open(ARTICLE_ID)).toBe(true)
    expect(opensOfArticle()).toHaveLength(0)
    expect(useEditorStore.getState().loadCount).toBe(loadCount)
  })

  it('while it is on its way waits for that open rather than loading it twice', async () => {
    onDisk.article = { ...onDisk.article, id: OTHER_ID }
    const { loadCount } = useEditorStore.getState()
    const first = useEditorStore.getState().open(OTHER_ID)
    const second = useEditorStore.getState().open(OTHER_ID)
    expect(await Promise.all([first, second])).toEqual([true, true])
    expect(opensOfArticle()).toHaveLength(1)
    expect(useEditorStore.getState().loadCount).toBe(loadCount + 1)
    expect(useEditorStore.getState().article?.id).toBe(OTHER_ID)
  })

  it('while another is on its way opens it again, and the later ask wins', async () => {
    onDisk.article = { ...onDisk.article, id: OTHER_ID }
    const other = useEditorStore.getState().open(OTHER_ID)
    onDisk.article = { ...onDisk.article, id: ARTICLE_ID }
    const back = useEditorStore.getState().open(ARTICLE_ID)
    expect(await Promise.all([other, back])).toEqual([false, true])
    expect(useEditorStore.getState().article?.id).toBe(ARTICLE_ID)
  })

  it('reads it afresh when asked to open it again', async () => {
    expect(await useEditorStore.getState().open(ARTICLE_ID, { again: true })).toBe(true)
    expect(opensOfArticle()).toHaveLength(1)
  })
})

describe('the crash journal', () => {
  it('holds what was typed up to a moment ago while typing goes on (3.5 s without a pause)', async () => {
    onDisk.article = { ...onDisk.article, revision: 3 }
    await useEditorStore.getState().open(ARTICLE_ID, { again: true })
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

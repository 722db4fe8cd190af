import { describe, expect, it, vi } from 'vitest'
import { createArticle } from '../../../shared/article/create'
import { fail, ok } from '../../../shared/result'

const ARTICLE_ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b'
const article = createArticle({ headline: 'Council votes' }, ARTICLE_ID, new Date(0))
let saveAnswer: unknown = fail('disk-full', 'The disk is full.')
const invoke = vi.fn((channel: string) => {
  if (channel === 'article:open') return Promise.resolve(ok(article))
  if (channel === 'desk:join') return Promise.resolve(ok({ shared: false }))
  if (channel === 'article:lock') return Promise.resolve(ok({ editable: true }))
  if (channel === 'article:save') return Promise.resolve(saveAnswer)
  return Promise.resolve(ok(null))
})
vi.mock('../api/client', () => ({
  client: { invoke, on: () => () => undefined, assetUrl: () => '', isDesktop: false },
}))

const { useEditorStore } = await import('./editor-store')
const { useNotices } = await import('./notices')
const { announceSaveFailures } = await import('./save-failure-notice')

describe('a failed save', () => {
  it('raises a notification that stays until a save goes through, once however often it is retried', async () => {
    const stop = announceSaveFailures()
    await useEditorStore.getState().open(ARTICLE_ID)
    useEditorStore.getState().edit({ standfirst: 'Words that must not be lost.' })
    expect(await useEditorStore.getState().save()).toBe(false)
    expect(await useEditorStore.getState().save()).toBe(false)
    const errors = () => useNotices.getState().notices.filter((notice) => notice.kind === 'error')
    expect(errors()).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^“Council votes”: Save failed: The disk is full\./),
      }),
    ])

    saveAnswer = ok({
      ...article,
      body: undefined,
      revision: 2,
      updatedAt: new Date().toISOString(),
    })
    expect(await useEditorStore.getState().save()).toBe(true)
    expect(errors()).toEqual([])
    stop()
  })
})

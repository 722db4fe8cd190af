import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleFieldsSchema } from '../../shared/article'
import type { Handlers } from '../../shared/ipc/contract'
import { dispatch } from '../../shared/ipc/dispatch'
import { ok } from '../../shared/ipc/result'
import type { FileSettingsStore } from './file-settings-store'
import { createTempServices, makeTempDir } from './test-support'

let temp: ReturnType<typeof makeTempDir>
let handlers: Handlers
let settings: FileSettingsStore

beforeEach(async () => {
  temp = makeTempDir()
  ;({ handlers, settings } = createTempServices(temp.path))
  await settings.update({ displayName: 'Ana' })
})
afterEach(() => temp.remove())

describe('handlers and dispatch', () => {
  it('a channel without a handler does not compile', () => {
    // @ts-expect-error -- every channel of the contract needs a handler
    const incomplete: Handlers = {
      'library:list': async () => ok({ root: '', articles: [], damaged: [] }),
    }
    expect(Object.keys(incomplete)).toEqual(['library:list'])
  })

  it.each([
    [
      'article:create',
      { headline: 42 },
      /^article:create: headline: Invalid input: expected string/,
    ],
    ['article:open', {}, /^article:open: id: Invalid input/],
    [
      'article:save',
      { id: '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70', baseRevision: 0, fields: {} },
      /baseRevision: Too small/,
    ],
    [
      'article:export',
      { id: '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70', format: 'pdf' },
      /format: Invalid option/,
    ],
    [
      'settings:update',
      { windowBounds: { x: 0 } },
      /^settings:update: Unrecognized key: "windowBounds"/,
    ],
    ['library:list', 'not an object', /^library:list: Invalid input: expected object/],
  ])('rejects a malformed %s payload with a typed error', async (channel, payload, message) => {
    const result = await dispatch(handlers, channel, payload)
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(message) },
    })
  })

  it('rejects a body that is not an article body', async () => {
    const created = await dispatch(handlers, 'article:create', { headline: 'A' })
    if (!created.ok) throw new Error('create failed')
    const { id, revision } = created.value as { id: string; revision: number }
    const fields = ArticleFieldsSchema.parse(created.value)
    const result = await dispatch(handlers, 'article:save', {
      id,
      baseRevision: revision,
      fields: { ...fields, body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } },
    })
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/fields\.body: .*script/) },
    })
  })

  it('lets the page change only its own settings, leaving the rest as they were', async () => {
    await dispatch(handlers, 'settings:update', { recentArticles: [] })
    expect(settings.get()).toMatchObject({ displayName: 'Ana', recentArticles: [] })
    await dispatch(handlers, 'settings:update', { displayName: 'Ana Lee' })
    expect(settings.get().displayName).toBe('Ana Lee')
  })

  it('remembers recently opened articles, most recent first', async () => {
    const first = await dispatch(handlers, 'article:create', { headline: 'First' })
    const second = await dispatch(handlers, 'article:create', { headline: 'Second' })
    const ids = [first, second].map((result) =>
      result.ok ? (result.value as { id: string }).id : '',
    )
    await dispatch(handlers, 'article:open', { id: ids[0] })
    await dispatch(handlers, 'article:open', { id: ids[1] })
    await dispatch(handlers, 'article:open', { id: ids[0] })
    expect(settings.get().recentArticles).toEqual([ids[0], ids[1]])
  })

  it('exports through the contract', async () => {
    const created = await dispatch(handlers, 'article:create', { headline: 'Tide turns' })
    const id = created.ok ? (created.value as { id: string }).id : ''
    expect(await dispatch(handlers, 'article:export', { id, format: 'md' })).toMatchObject({
      ok: true,
      value: { fileName: 'tide-turns.md', content: expect.stringContaining('# Tide turns') },
    })
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ArticleFieldsSchema, type TiptapNode } from '../../../shared/article'
import { TiptapNodeSchema } from '../../../shared/article/tiptap-json'
import type { Handlers } from '../../../shared/ipc/contract'
import { dispatch } from '../../../shared/ipc/dispatch'
import { ok } from '../../../shared/result'
import { resourcesDir } from './app-paths'
import type { FileSettingsStore } from '../settings/file-settings-store'
import { createHandlers } from './handlers'
import type { NodeServices } from './node-services'
import { makeImage } from '../testing/test-images'
import { createTempServices, makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let settings: FileSettingsStore
let services: NodeServices

beforeEach(async () => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  ;({ settings } = services)
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
    const result = await dispatch(services, channel, payload)
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(message) },
    })
  })

  it('rejects a body that is not an article body', async () => {
    const created = await dispatch(services, 'article:create', { headline: 'A' })
    if (!created.ok) throw new Error('create failed')
    const { id, revision } = created.value as { id: string; revision: number }
    const fields = ArticleFieldsSchema.parse(created.value)
    const result = await dispatch(services, 'article:save', {
      id,
      baseRevision: revision,
      fields: {
        ...fields,
        body: JSON.stringify({ type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }),
      },
    })
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/fields\.body: .*script/) },
    })
    const cutOff = await dispatch(services, 'article:save', {
      id,
      baseRevision: revision,
      fields: { ...fields, body: '{"type":"doc","content":[{"type":"paragr' },
    })
    expect(cutOff).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/body is not valid JSON/) },
    })
  })

  it('checks again, on the next save and its read-back, only the block that changed', async () => {
    const created = await dispatch(services, 'article:create', { headline: 'A' })
    if (!created.ok) throw new Error('create failed')
    const { id, revision } = created.value as { id: string; revision: number }
    const fields = ArticleFieldsSchema.parse(created.value)
    const paragraphs = Array.from({ length: 30 }, (_, index) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `Saved paragraph ${index}.` }],
    }))
    const save = (content: unknown[], baseRevision: number) =>
      dispatch(services, 'article:save', {
        id,
        baseRevision,
        fields: { ...fields, body: JSON.stringify({ type: 'doc', content }) },
      })
    const first = await save(paragraphs, revision)
    if (!first.ok) throw new Error('save failed')
    const blockChecks = vi.spyOn(TiptapNodeSchema, 'safeParse')
    try {
      const edited = [...paragraphs]
      edited[12] = { type: 'paragraph', content: [{ type: 'text', text: 'Edited.' }] }
      const second = await save(edited, (first.value as { revision: number }).revision)
      expect(second).toMatchObject({ ok: true })
      expect(blockChecks).toHaveBeenCalledTimes(1)
    } finally {
      blockChecks.mockRestore()
    }
  })

  it('saves a body sent as JSON text, as the editor sends it', async () => {
    const created = await dispatch(services, 'article:create', { headline: 'A' })
    if (!created.ok) throw new Error('create failed')
    const { id, revision } = created.value as { id: string; revision: number }
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Saved.' }] }],
    }
    const fields = ArticleFieldsSchema.parse(created.value)
    const saved = await dispatch(services, 'article:save', {
      id,
      baseRevision: revision,
      fields: { ...fields, body: JSON.stringify(body) },
    })
    expect(saved).toMatchObject({ ok: true, value: { id, revision: revision + 1 } })
    expect(saved.ok && Object.keys(saved.value as object)).not.toContain('body')
    expect(await dispatch(services, 'article:open', { id })).toMatchObject({
      ok: true,
      value: { body },
    })
  })

  it('lets the page change only its own settings, leaving the rest as they were', async () => {
    await dispatch(services, 'settings:update', { recentArticles: [] })
    expect(settings.get()).toMatchObject({ displayName: 'Ana', recentArticles: [] })
    await dispatch(services, 'settings:update', { displayName: 'Ana Lee' })
    expect(settings.get().displayName).toBe('Ana Lee')
  })

  it('remembers recently opened articles, most recent first', async () => {
    const first = await dispatch(services, 'article:create', { headline: 'First' })
    const second = await dispatch(services, 'article:create', { headline: 'Second' })
    const ids = [first, second].map((result) =>
      result.ok ? (result.value as { id: string }).id : '',
    )
    await dispatch(services, 'article:open', { id: ids[0] })
    await dispatch(services, 'article:open', { id: ids[1] })
    await dispatch(services, 'article:open', { id: ids[0] })
    expect(settings.get().recentArticles).toEqual([ids[0], ids[1]])
  })

  it('exports through the contract once the preflight passes, or when forced', async () => {
    const created = await dispatch(services, 'article:create', {
      headline: 'Tide turns',
      byline: [{ name: 'Ana Lee' }],
    })
    const id = created.ok ? (created.value as { id: string }).id : ''
    expect(await dispatch(services, 'article:export', { id, format: 'md' })).toMatchObject({
      ok: true,
      value: { fileName: 'tide-turns.md', content: expect.stringContaining('# Tide turns') },
    })

    const unsigned = await dispatch(services, 'article:create', { headline: 'Unsigned' })
    const unsignedId = unsigned.ok ? (unsigned.value as { id: string }).id : ''
    expect(await dispatch(services, 'article:preflight', { id: unsignedId })).toMatchObject({
      ok: true,
      value: {
        blocking: 1,
        items: expect.arrayContaining([expect.objectContaining({ code: 'no-byline' })]),
      },
    })
    expect(
      await dispatch(services, 'article:export', { id: unsignedId, format: 'txt' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('The story has no byline.') },
    })
    expect(
      await dispatch(services, 'article:export', { id: unsignedId, format: 'txt', force: true }),
    ).toMatchObject({ ok: true, value: { content: 'Unsigned\n' } })
  })

  it('creates the sample article with its picture', async () => {
    const sample = await dispatch(services, 'library:create-sample', {})
    expect(sample).toMatchObject({
      ok: true,
      value: { headline: expect.stringMatching(/^Harbour ferry/), revision: 1 },
    })
    const article = sample.ok ? (sample.value as { id: string; body: TiptapNode }) : undefined
    const figure = article?.body.content?.find((node) => node.type === 'figure')
    const image = await services.assets.read(article?.id ?? '', String(figure?.attrs?.src))
    expect(image).toMatchObject({ ok: true, value: { mimeType: 'image/jpeg' } })
  })

  it('answers the desktop-only channels with a clear refusal outside the desktop app', async () => {
    const created = await dispatch(services, 'article:create', { headline: 'A' })
    const articleId = created.ok ? (created.value as { id: string }).id : ''
    expect(await dispatch(services, 'asset:choose', { articleId })).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-request',
        message: 'The native file dialog is only available in the desktop app.',
      },
    })
    expect(await dispatch(services, 'window:close', {})).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    })
  })

  it('imports the files chosen in the desktop dialog, and closes the window when asked', async () => {
    const image = join(temp.path, 'chosen.png')
    writeFileSync(image, await makeImage('png'))
    const desktop = { chooseImages: vi.fn(async () => [image]), closeWindow: vi.fn() }
    const desktopDoor = {
      ...services,
      handlers: createHandlers({ ...services, resourcesDir: resourcesDir(), desktop }),
    }
    const created = await dispatch(desktopDoor, 'article:create', { headline: 'A' })
    const articleId = created.ok ? (created.value as { id: string }).id : ''
    expect(await dispatch(desktopDoor, 'asset:choose', { articleId })).toMatchObject({
      ok: true,
      value: [{ format: 'png', src: expect.stringMatching(/^assets\/[0-9a-f]{32}\.png$/) }],
    })
    desktop.chooseImages.mockResolvedValueOnce([])
    expect(await dispatch(desktopDoor, 'asset:choose', { articleId })).toEqual({
      ok: true,
      value: [],
    })
    expect(await dispatch(desktopDoor, 'window:close', {})).toEqual({ ok: true, value: null })
    expect(desktop.closeWindow).toHaveBeenCalledOnce()
  })

  it('starts on a file the OS opened with the app, else on the article open last', async () => {
    const first = await services.library.create({ headline: 'First' })
    const second = await services.library.create({ headline: 'Second' })
    if (!first.ok || !second.ok) throw new Error('not created')
    expect(await dispatch(services, 'app:start', {})).toEqual({ ok: true, value: {} })
    await dispatch(services, 'article:open', { id: first.value.id })
    expect(await dispatch(services, 'app:start', {})).toEqual({
      ok: true,
      value: { open: { id: first.value.id, notes: [] } },
    })
    const opened = { id: second.value.id, notes: ['Imported from story.md.'] }
    const desktop = { chooseImages: vi.fn(), closeWindow: vi.fn(), takeOpenedAtStart: () => opened }
    const desktopDoor = {
      ...services,
      handlers: createHandlers({ ...services, resourcesDir: resourcesDir(), desktop }),
    }
    expect(await dispatch(desktopDoor, 'app:start', {})).toEqual({
      ok: true,
      value: { open: opened },
    })
    // The last article gone to the trash: nothing to reopen.
    await dispatch(services, 'article:trash', { id: first.value.id })
    expect(await dispatch(services, 'app:start', {})).toEqual({ ok: true, value: {} })
  })

  it('reports a batch export’s progress to the page and the taskbar, and its end', async () => {
    const ids: string[] = []
    for (const headline of ['One', 'Two', 'Three']) {
      const created = await services.library.create({ headline, byline: [{ name: 'Ana' }] })
      if (created.ok) ids.push(created.value.id)
    }
    const progress: string[] = []
    services.events.subscribe((event, payload) => {
      if (event === 'export:progress') progress.push(JSON.stringify(payload))
    })
    const desktop = {
      chooseImages: vi.fn(),
      closeWindow: vi.fn(),
      batchProgress: vi.fn(),
      batchFinished: vi.fn(),
    }
    const desktopDoor = {
      ...services,
      handlers: createHandlers({ ...services, resourcesDir: resourcesDir(), desktop }),
    }
    const batch = await dispatch(desktopDoor, 'articles:export', { ids, format: 'txt' })
    expect(batch.ok).toBe(true)
    expect(progress).toEqual([0, 1, 2, 3].map((done) => JSON.stringify({ done, total: 3 })))
    expect(desktop.batchProgress).toHaveBeenLastCalledWith(3, 3)
    expect(desktop.batchFinished).toHaveBeenCalledWith(
      '3 of 3 articles exported.',
      expect.any(Number),
    )
  })
})

describe('house-style packs', () => {
  it('loads the shipped pack, imports a valid one, and refuses an invalid one without keeping it', async () => {
    const loaded = await dispatch(services, 'style:packs', {})
    expect(loaded).toMatchObject({
      ok: true,
      value: { packs: [{ name: 'Copydesk house style' }], problems: [] },
    })
    const pack = {
      name: 'Sports desk',
      rules: [
        {
          id: 'soccer',
          category: 'Spelling',
          words: ['soccer'],
          replacement: 'football',
          explanation: 'We say football.',
        },
      ],
    }
    expect(
      await dispatch(services, 'style:import', {
        fileName: 'sports.json',
        text: JSON.stringify(pack),
      }),
    ).toMatchObject({
      ok: true,
      value: { name: 'Sports desk' },
    })
    const broken = await dispatch(services, 'style:import', {
      fileName: 'broken.json',
      text: '{"name": "x", "rules": []}',
    })
    expect(broken).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-file',
        message: expect.stringMatching(/^broken\.json is not a house-style pack: rules/),
      },
    })
    const catastrophic = await dispatch(services, 'style:import', {
      fileName: 'stall.json',
      text: JSON.stringify({
        name: 'Stalling desk',
        rules: [{ id: 'as', category: 'Spacing', explanation: 'x', pattern: '^(a+)+$' }],
      }),
    })
    expect(catastrophic).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-file',
        message: expect.stringMatching(
          /^stall\.json was not imported: a pattern in it could stall Copydesk\. rule as: .*exponentially/,
        ),
      },
    })
    const after = await dispatch(services, 'style:packs', {})
    expect(
      after.ok && (after.value as { packs: { name: string }[] }).packs.map((p) => p.name),
    ).toEqual(['Copydesk house style', 'Sports desk'])
  })
})

describe('saving text a person pasted', () => {
  async function createdFields() {
    const created = await dispatch(services, 'article:create', { headline: 'Bridge closes' })
    if (!created.ok) throw new Error('create failed')
    const { id, revision } = created.value as { id: string; revision: number }
    return { id, revision, fields: ArticleFieldsSchema.parse(created.value) }
  }

  it('saves a 5,000-character headline and long text in every typed field', async () => {
    const { id, revision, fields } = await createdFields()
    const long = (words: string) => `${words} `.repeat(Math.ceil(5_000 / words.length)).trim()
    const headline = long('Council votes to close the harbour bridge')
    expect(headline.length).toBeGreaterThanOrEqual(5_000)
    const figure = {
      type: 'figure',
      attrs: {
        src: 'assets/bridge.jpg',
        alt: long('The bridge'),
        credit: long('Ana Lee'),
        lead: false,
      },
      content: [{ type: 'text', text: long('Traffic queues') }],
    }
    const edited = {
      ...fields,
      headline,
      standfirst: long('Commuters face detours'),
      byline: [{ name: long('Ana Lee'), role: long('Transport reporter') }],
      dateline: long('WELLINGTON'),
      section: long('Local news'),
      keywords: [long('transport')],
    }
    const saved = await dispatch(services, 'article:save', {
      id,
      baseRevision: revision,
      fields: { ...edited, body: JSON.stringify({ type: 'doc', content: [figure] }) },
    })
    expect(saved).toMatchObject({ ok: true, value: { id, revision: revision + 1 } })
    expect(await dispatch(services, 'article:open', { id })).toMatchObject({
      ok: true,
      value: { ...edited, body: { type: 'doc', content: [figure] } },
    })
  })

  it('refuses an absurd headline in words for a person, with no schema path', async () => {
    const { id, revision, fields } = await createdFields()
    const result = await dispatch(services, 'article:save', {
      id,
      baseRevision: revision,
      fields: { ...fields, headline: 'x'.repeat(120_000), body: JSON.stringify(fields.body) },
    })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    const message = result.ok ? '' : result.error.message
    expect(message).toBe(
      'The headline is 120,000 characters long; Copydesk keeps at most 100,000. Shorten it and save again.',
    )
    expect(message).not.toMatch(/fields\.|Too big/)
    expect(await dispatch(services, 'article:open', { id })).toMatchObject({
      ok: true,
      value: { headline: 'Bridge closes', revision },
    })
  })
})

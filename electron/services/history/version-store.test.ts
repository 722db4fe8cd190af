import type * as FsPromises from 'node:fs/promises'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, join, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ArticleFieldsSchema, type Article, type ArticleFields } from '../../../shared/article'
import { AUTO_VERSION_INTERVAL_MS, versionId } from '../../../shared/history/version'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'
import { VersionStore } from './version-store'

// Counts which files are read; everything reads as it would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return { ...actual, readFile: vi.fn(actual.readFile) }
})

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let clock: number
let versions: VersionStore

beforeEach(async () => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  await services.settings.update({ displayName: 'Ana Lee' })
  clock = Date.parse('2026-11-29T09:00:00.000Z')
  versions = new VersionStore(
    services.library,
    () => services.settings.get().displayName,
    () => new Date(clock),
  )
  services.library.afterSave = (previous, saved, folder) =>
    versions.afterSave(previous, saved, folder)
})
afterEach(() => temp.remove())

async function article(headline = 'Rates rise'): Promise<Article> {
  const created = await services.library.create({ headline })
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

async function save(current: Article, patch: Partial<ArticleFields>): Promise<Article> {
  clock += 1_000
  const saved = await services.library.save(current.id, current.revision, {
    ...ArticleFieldsSchema.parse(current),
    ...patch,
  })
  if (!saved.ok) throw new Error(saved.error.message)
  return saved.value
}

const listed = async (id: string) => {
  const result = await versions.list(id)
  return result.ok ? result.value : []
}

describe('VersionStore', () => {
  it('keeps a version on every status change, saying who and when', async () => {
    let current = await article()
    current = await save(current, { headline: 'Rates rise again' })
    current = await save(current, { status: 'filed' })
    const statusVersions = (await listed(current.id)).filter(
      (version) => version.reason === 'status',
    )
    expect(statusVersions).toEqual([
      expect.objectContaining({
        author: 'Ana Lee',
        label: 'draft → filed',
        status: 'filed',
        revision: 3,
        createdAt: new Date(clock).toISOString(),
      }),
    ])
  })

  it('keeps an automatic version at most every ten minutes of saves', async () => {
    let current = await article()
    current = await save(current, { headline: 'One' })
    current = await save(current, { headline: 'Two' })
    expect((await listed(current.id)).map((version) => version.reason)).toEqual(['auto'])
    clock += AUTO_VERSION_INTERVAL_MS
    current = await save(current, { headline: 'Three' })
    expect((await listed(current.id)).map((version) => [version.reason, version.revision])).toEqual(
      [
        ['auto', 4],
        ['auto', 2],
      ],
    )
  })

  it('reads no version file after a restart: their summaries are kept beside them', async () => {
    let current = await article()
    for (let take = 1; take <= 5; take++) {
      clock += AUTO_VERSION_INTERVAL_MS
      current = await save(current, { headline: `Take ${take}` })
    }
    const kept = (await listed(current.id)).map((version) => version.id)
    expect(kept).toHaveLength(5)
    // As after a restart: a store that has read nothing yet.
    versions = new VersionStore(
      services.library,
      () => 'Ana Lee',
      () => new Date(clock),
    )
    const versionReads = () =>
      vi
        .mocked(readFile)
        .mock.calls.map(([path]) => String(path))
        .filter((path) => path.includes(`${sep}versions${sep}`))
        .map((path) => basename(path, '.json'))
    vi.mocked(readFile).mockClear()
    current = await save(current, { headline: 'Take 6' })
    for (let round = 0; round < 3; round++) {
      current = await save(current, { headline: `Take ${7 + round}` })
      expect((await listed(current.id)).map((version) => version.id)).toEqual(kept)
    }
    // The summaries file, once; never a whole copy of the story.
    expect(versionReads()).toEqual(['summaries'])
  })

  it('lists what the version files say where the summaries beside them fall short', async () => {
    let current = await article()
    for (let take = 1; take <= 3; take++) {
      clock += AUTO_VERSION_INTERVAL_MS
      current = await save(current, { headline: `Take ${take}` })
    }
    const kept = (await listed(current.id)).map((version) => version.id)
    const folder = await services.library.folderOf(current.id)
    if (!folder.ok) throw new Error('no folder')
    const versionsFolder = join(folder.value, 'versions')
    const restarted = () => new VersionStore(services.library, () => 'Ana Lee')

    // Written by an older Copydesk: no summaries file. Listed from the files, and written.
    await rm(join(versionsFolder, 'summaries.json'))
    versions = restarted()
    expect((await listed(current.id)).map((version) => version.id)).toEqual(kept)
    expect(
      JSON.parse(await readFile(join(versionsFolder, 'summaries.json'), 'utf8')),
    ).toMatchObject({
      schemaVersion: 1,
      summaries: expect.arrayContaining([expect.objectContaining({ id: kept[0] })]),
    })

    // A damaged summaries file is passed over; a version whose file is gone is not listed.
    await writeFile(join(versionsFolder, 'summaries.json'), '{"schemaVersion": 1, "summ')
    await rm(join(versionsFolder, `${kept[1]}.json`))
    versions = restarted()
    expect((await listed(current.id)).map((version) => version.id)).toEqual([kept[0], kept[2]])
  })

  it('counts the ten minutes from the newest version that reads, passing over a damaged one', async () => {
    let current = await article()
    current = await save(current, { headline: 'First take' })
    const folder = await services.library.folderOf(current.id)
    if (!folder.ok) throw new Error('no folder')
    clock += AUTO_VERSION_INTERVAL_MS / 2
    await mkdir(join(folder.value, 'versions'), { recursive: true })
    await writeFile(
      join(folder.value, 'versions', `${versionId(new Date(clock), current.revision)}.json`),
      '{"truncated',
    )
    clock += AUTO_VERSION_INTERVAL_MS / 2
    current = await save(current, { headline: 'Second take' })
    expect((await listed(current.id)).map((version) => version.revision)).toEqual([3, 2])
  })

  it('saves a labelled version on request, newest first in the list', async () => {
    let current = await article()
    current = await save(current, { headline: 'First take' })
    clock += 1_000
    expect(await versions.create(current.id, 'Before the lawyers')).toMatchObject({
      ok: true,
      value: { reason: 'manual', label: 'Before the lawyers', revision: 2 },
    })
    expect((await listed(current.id))[0]).toMatchObject({ label: 'Before the lawyers' })
  })

  it('restores a version, keeping the text it replaces, and back again exactly', async () => {
    let current = await article()
    current = await save(current, { headline: 'Old headline', standfirst: 'Old standfirst.' })
    const old = await versions.create(current.id, 'old')
    current = await save(current, {
      headline: 'New headline',
      standfirst: 'New standfirst.',
      status: 'filed',
    })
    const newer = await versions.create(current.id, 'new')
    if (!old.ok || !newer.ok) throw new Error('versions not created')

    const restored = await versions.restore(current.id, old.value.id, current.revision)
    expect(restored).toMatchObject({
      ok: true,
      value: { headline: 'Old headline', standfirst: 'Old standfirst.', status: 'filed' },
    })
    const kept = (await listed(current.id)).find((version) => version.reason === 'before-restore')
    expect(kept).toMatchObject({ label: 'Before restoring old', revision: current.revision })

    if (!restored.ok) return
    const back = await versions.restore(current.id, newer.value.id, restored.value.revision)
    expect(back).toMatchObject({
      ok: true,
      value: { headline: 'New headline', standfirst: 'New standfirst.' },
    })
  })

  it('refuses a restore based on an old revision, and unknown or malformed ids', async () => {
    let current = await article()
    const version = await versions.create(current.id, '')
    current = await save(current, { headline: 'Moved on' })
    if (!version.ok) throw new Error('no version')
    expect(await versions.restore(current.id, version.value.id, 1)).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    })
    expect(await versions.open(current.id, '20260101T000000000Z-r9')).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    })
    expect(await versions.open(current.id, '../article')).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    })
  })

  it('refuses a status jump of more than one step', async () => {
    const current = await article()
    const jumped = await services.library.save(current.id, 1, {
      ...ArticleFieldsSchema.parse(current),
      status: 'published',
    })
    expect(jumped).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/one step at a time/) },
    })
  })
})

describe('versions written by an older Copydesk', () => {
  it('are migrated when read, so they can still be compared and restored', async () => {
    const current = await article()
    const folder = await services.library.folderOf(current.id)
    if (!folder.ok) throw new Error('no folder')
    await mkdir(join(folder.value, 'versions'), { recursive: true })
    const {
      comments: _comments,
      styleIgnores: _ignores,
      ...fieldsV2
    } = ArticleFieldsSchema.parse(current)
    await writeFile(
      join(folder.value, 'versions', '20250101T000000000Z-r1.json'),
      JSON.stringify({
        schemaVersion: 1,
        articleSchemaVersion: 2,
        id: '20250101T000000000Z-r1',
        createdAt: '2025-01-01T00:00:00.000Z',
        author: 'Old',
        label: 'from schema 2',
        reason: 'manual',
        status: 'draft',
        revision: 1,
        fields: { ...fieldsV2, headline: 'Old headline' },
      }),
    )
    expect((await listed(current.id)).map((version) => version.label)).toContain('from schema 2')
    const opened = await versions.open(current.id, '20250101T000000000Z-r1')
    expect(opened).toMatchObject({
      ok: true,
      value: { fields: { headline: 'Old headline', comments: [], styleIgnores: [] } },
    })
  })
})

import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LOCKS_FOLDER } from './article-locks'
import {
  ARTICLE_SCHEMA_VERSION,
  emptyDoc,
  fieldsOf,
  type ArticleFields,
} from '../../../shared/article'
import type { LibraryChange } from './library'
import { ARTICLE_FILE, LibraryStore, TRASH_FOLDER } from './library-store'
import { listLibrary, makeReadOnly, makeTempDir } from '../testing/test-support'

// Counts which folders are listed; everything lists as it would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return { ...actual, readdir: vi.fn(actual.readdir) }
})

let temp: ReturnType<typeof makeTempDir>
let store: LibraryStore
let changes: LibraryChange[]

/** The library's folders, less the locks kept beside them while articles change. */
const foldersIn = (root: string) => readdirSync(root).filter((name) => name !== LOCKS_FOLDER)

beforeEach(() => {
  temp = makeTempDir()
  changes = []
  store = new LibraryStore(join(temp.path, 'Copydesk'), {
    onChange: (change) => changes.push(change),
  })
})
afterEach(() => temp.remove())

const fieldsWith = (overrides: Partial<ArticleFields>): ArticleFields => ({
  slug: 'bridge-closes',
  headline: 'Bridge closes',
  standfirst: '',
  byline: [],
  dateline: '',
  section: '',
  keywords: [],
  status: 'draft',
  body: emptyDoc(),
  styleIgnores: [],
  comments: [],
  tracked: {},
  suggestions: [],
  sources: [],
  quotes: [],
  ...overrides,
})

async function created(headline = 'Bridge closes') {
  const result = await store.create({ headline })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('LibraryStore', () => {
  it('creates an article in <slug>-<id8>/article.json with an assets folder', async () => {
    const article = await created('Bridge closes for repairs')
    const folder = `bridge-closes-for-repairs-${article.id.slice(0, 8)}`
    expect(foldersIn(store.root).sort()).toEqual([folder])
    expect(readdirSync(join(store.root, folder)).sort()).toEqual(['article.json', 'assets'])
    expect(JSON.parse(readFileSync(join(store.root, folder, ARTICLE_FILE), 'utf8'))).toEqual(
      article,
    )
    expect(changes).toEqual([{ id: article.id, change: 'created' }])
  })

  it('lists summaries, newest first, with word counts', async () => {
    const first = await created('First')
    const second = await created('Second')
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three little words' }] }],
    }
    await store.save(first.id, 1, fieldsWith({ headline: 'First', body }))
    const listing = await listLibrary(store.root)
    expect(listing.ok && listing.value.articles.map((a) => [a.headline, a.wordCount])).toEqual([
      ['First', 3],
      ['Second', 0],
    ])
    expect(listing.ok && listing.value.damaged).toEqual([])
    expect(second.revision).toBe(1)
  })

  it('lists an empty library when the folder does not exist yet', async () => {
    expect(await listLibrary(store.root)).toEqual({
      ok: true,
      value: { root: store.root, articles: [], damaged: [] },
    })
  })

  it('saves atomically, bumping the revision, leaving no temp files', async () => {
    const article = await created()
    const saved = await store.save(
      article.id,
      1,
      fieldsWith({ headline: 'Bridge reopens', status: 'filed' }),
    )
    expect(saved).toMatchObject({
      ok: true,
      value: { headline: 'Bridge reopens', status: 'filed', revision: 2 },
    })
    const folder = join(store.root, foldersIn(store.root)[0] ?? '')
    expect(readdirSync(folder).sort()).toEqual(['article.json', 'assets'])
    const reopened = await store.open(article.id)
    expect(reopened.ok && reopened.value.revision).toBe(2)
    expect(reopened.ok && reopened.value.createdAt).toBe(article.createdAt)
  })

  it('reports how long the steps of a save took, for the benchmarks', async () => {
    const article = await created()
    const steps: string[] = []
    store.onStepTimed = (step, milliseconds) => {
      expect(milliseconds).toBeGreaterThanOrEqual(0)
      steps.push(step)
    }
    await store.save(article.id, 1, fieldsWith({ headline: 'Bridge reopens' }))
    expect(steps).toEqual(['article:save:locate', 'article:save:write', 'article:save:versions'])
  })

  it('refuses a save based on an old revision and overwrites nothing', async () => {
    const article = await created()
    await store.save(article.id, 1, fieldsWith({ headline: 'Theirs' }))
    const before = readFileSync(
      join(store.root, foldersIn(store.root)[0] ?? '', ARTICLE_FILE),
      'utf8',
    )
    const result = await store.save(article.id, 1, fieldsWith({ headline: 'Mine' }))
    expect(result).toMatchObject({ ok: false, error: { kind: 'conflict', currentRevision: 2 } })
    expect(
      readFileSync(join(store.root, foldersIn(store.root)[0] ?? '', ARTICLE_FILE), 'utf8'),
    ).toBe(before)
  })

  it('sees a change made to the file after its own save, in place or by another writer', async () => {
    const article = await created()
    const saved = await store.save(article.id, 1, fieldsWith({ headline: 'Ours' }))
    if (!saved.ok) throw new Error(saved.error.message)
    const file = join(store.root, foldersIn(store.root)[0] ?? '', ARTICLE_FILE)
    const theirs = (revision: number, headline: string) =>
      `${JSON.stringify({ ...saved.value, revision, headline }, null, 2)}\n`

    // Written in place, as a text editor or a sync client may: same file, new bytes.
    writeFileSync(file, theirs(3, 'Edited in place'))
    expect(await store.open(article.id)).toMatchObject({
      ok: true,
      value: { revision: 3, headline: 'Edited in place' },
    })
    expect(await store.save(article.id, 2, fieldsWith({ headline: 'Mine' }))).toMatchObject({
      ok: false,
      error: { kind: 'conflict', currentRevision: 3 },
    })

    // Replaced whole, as another Copydesk saves: a new file in its place.
    const saved4 = await store.save(article.id, 3, fieldsWith({ headline: 'Ours again' }))
    expect(saved4).toMatchObject({ ok: true, value: { revision: 4 } })
    writeFileSync(`${file}.other`, theirs(5, 'Theirs'))
    renameSync(`${file}.other`, file)
    expect(await store.save(article.id, 4, fieldsWith({ headline: 'Mine' }))).toMatchObject({
      ok: false,
      error: { kind: 'conflict', currentRevision: 5 },
    })
  })

  it('lets only one of two simultaneous saves from the same revision through', async () => {
    const article = await created()
    const results = await Promise.all([
      store.save(article.id, 1, fieldsWith({ headline: 'Tab one' })),
      store.save(article.id, 1, fieldsWith({ headline: 'Tab two' })),
    ])
    expect(results.map((result) => (result.ok ? 'saved' : result.error.kind))).toEqual([
      'saved',
      'conflict',
    ])
    const reopened = await store.open(article.id)
    expect(reopened.ok && [reopened.value.headline, reopened.value.revision]).toEqual([
      'Tab one',
      2,
    ])
  })

  it('lists a damaged file with its reason, never overwrites it, and loads the rest', async () => {
    const good = await created('Good')
    const bad = await created('Bad')
    const badFile = join(store.root, `bad-${bad.id.slice(0, 8)}`, ARTICLE_FILE)
    writeFileSync(badFile, '{"schemaVersion": 2, "headline": ')
    mkdirSync(join(store.root, `orphan-0123abcd`))
    mkdirSync(join(store.root, 'Notes from the desk'))

    const listing = await listLibrary(store.root)
    expect(listing.ok && listing.value.articles.map((a) => a.id)).toEqual([good.id])
    expect(listing.ok && listing.value.damaged).toEqual([
      {
        folder: `bad-${bad.id.slice(0, 8)}`,
        reason: expect.stringMatching(/article\.json in folder bad-[0-9a-f]{8} is not valid JSON/),
      },
      { folder: 'orphan-0123abcd', reason: 'article.json is missing from folder orphan-0123abcd.' },
    ])
    expect(await store.save(bad.id, 1, fieldsWith({}))).toMatchObject({
      ok: false,
      error: { kind: 'damaged' },
    })
    expect(await store.open(bad.id)).toMatchObject({ ok: false, error: { kind: 'damaged' } })
    expect(readFileSync(badFile, 'utf8')).toBe('{"schemaVersion": 2, "headline": ')
  })

  it('answers not-found for an unknown id', async () => {
    const result = await store.open('00000000-0000-4000-8000-000000000000')
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'not-found', message: expect.stringMatching(/No article with id/) },
    })
  })

  it('moves to the trash and restores', async () => {
    const article = await created()
    const trashed = await store.trash(article.id)
    expect(trashed).toMatchObject({
      ok: true,
      value: { id: article.id, headline: 'Bridge closes' },
    })
    expect(foldersIn(store.root)).toEqual([TRASH_FOLDER])
    expect((await listLibrary(store.root)).ok && (await listLibrary(store.root))).toMatchObject({
      value: { articles: [] },
    })
    expect(await store.listTrash()).toMatchObject({ ok: true, value: [{ id: article.id }] })

    const restored = await store.restore(article.id)
    expect(restored).toMatchObject({ ok: true, value: { id: article.id } })
    expect(await store.listTrash()).toEqual({ ok: true, value: [] })
    const listing = await listLibrary(store.root)
    expect(listing.ok && listing.value.articles.map((a) => a.id)).toEqual([article.id])
    expect(readdirSync(join(store.root, `bridge-closes-${article.id.slice(0, 8)}`)).sort()).toEqual(
      ['article.json', 'assets'],
    )
    expect(changes.map((c) => c.change)).toEqual(['created', 'trashed', 'restored'])
  })

  it('discards a new article left untouched, and keeps one written to', async () => {
    const untouched = await store.create({ byline: [{ name: 'Ana Lee' }] })
    const written = await store.create({})
    if (!untouched.ok || !written.ok) throw new Error('not created')
    const saved = await store.save(written.value.id, 1, fieldsWith({ headline: 'Words' }))
    expect(saved.ok).toBe(true)

    expect(await store.discardUntouched(untouched.value.id)).toEqual({ ok: true, value: null })
    expect(await store.open(untouched.value.id)).toMatchObject({ error: { kind: 'not-found' } })
    expect(changes).toContainEqual({ id: untouched.value.id, change: 'discarded' })
    expect(await store.discardUntouched(written.value.id)).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    })
    expect(await store.open(written.value.id)).toMatchObject({ ok: true })
  })

  it('duplicates an article with its assets under a new id', async () => {
    const article = await created()
    const assetDir = join(store.root, `bridge-closes-${article.id.slice(0, 8)}`, 'assets')
    writeFileSync(join(assetDir, 'photo.jpg'), 'jpeg bytes')
    const copy = await store.duplicate(article.id)
    expect(copy).toMatchObject({
      ok: true,
      value: { slug: 'bridge-closes-copy', revision: 1, headline: 'Bridge closes' },
    })
    if (!copy.ok) return
    expect(copy.value.id).not.toBe(article.id)
    const copiedAsset = join(
      store.root,
      `bridge-closes-copy-${copy.value.id.slice(0, 8)}`,
      'assets',
      'photo.jpg',
    )
    expect(readFileSync(copiedAsset, 'utf8')).toBe('jpeg bytes')
  })

  it('renames the slug and the folder', async () => {
    const article = await created()
    const renamed = await store.rename(article.id, 1, 'harbour-bridge')
    expect(renamed).toMatchObject({ ok: true, value: { slug: 'harbour-bridge', revision: 2 } })
    expect(foldersIn(store.root)).toEqual([`harbour-bridge-${article.id.slice(0, 8)}`])
  })

  it('refuses a rename based on an older revision, so a newer save is never overwritten', async () => {
    const article = await created()
    const saved = await store.save(article.id, 1, fieldsWith({ headline: 'Newer words' }))
    expect(saved).toMatchObject({ ok: true, value: { revision: 2 } })

    expect(await store.rename(article.id, 1, 'harbour-bridge')).toMatchObject({
      ok: false,
      error: { kind: 'conflict', currentRevision: 2 },
    })
    expect(await store.open(article.id)).toMatchObject({
      ok: true,
      value: { revision: 2, headline: 'Newer words', slug: article.slug },
    })
  })

  it('renames the folder when a save changes the slug, in one revision', async () => {
    const article = await created()
    const saved = await store.save(article.id, 1, fieldsWith({ slug: 'bridge-reopens' }))
    expect(saved).toMatchObject({ ok: true, value: { slug: 'bridge-reopens', revision: 2 } })
    expect(foldersIn(store.root)).toEqual([`bridge-reopens-${article.id.slice(0, 8)}`])
  })

  it('finds an article again without listing the library, and follows a folder renamed meanwhile', async () => {
    const article = await created()
    await created('Other story')
    const listings = () =>
      vi.mocked(readdir).mock.calls.filter(([path]) => String(path) === store.root).length
    vi.mocked(readdir).mockClear()
    const first = await store.save(article.id, 1, fieldsWith({ headline: 'Bridge shut' }))
    expect(first).toMatchObject({ ok: true, value: { revision: 2 } })
    expect(listings()).toBe(1)
    for (let revision = 2; revision <= 4; revision++)
      expect(await store.save(article.id, revision, fieldsWith({}))).toMatchObject({ ok: true })
    expect(await store.open(article.id)).toMatchObject({ ok: true, value: { revision: 5 } })
    expect(listings()).toBe(1)

    const folder = `bridge-closes-${article.id.slice(0, 8)}`
    renameSync(join(store.root, folder), join(store.root, `moved-${folder}`))
    expect(await store.open(article.id)).toMatchObject({
      ok: true,
      value: { id: article.id, revision: 5 },
    })
    // Saving puts the folder back under the name its slug gives.
    expect(await store.save(article.id, 5, fieldsWith({}))).toMatchObject({
      ok: true,
      value: { revision: 6 },
    })
    expect(foldersIn(store.root)).toContain(folder)
  })

  it('says permission denied in a read-only folder and keeps the file', async (context) => {
    const article = await created()
    const folder = join(store.root, `bridge-closes-${article.id.slice(0, 8)}`)
    const before = readFileSync(join(folder, ARTICLE_FILE), 'utf8')
    const undo = makeReadOnly(folder)
    if (!undo)
      return context.skip('this file system cannot make a folder read-only for root (chattr +i)')
    try {
      const result = await store.save(article.id, 1, fieldsWith({ headline: 'Changed' }))
      expect(result).toMatchObject({
        ok: false,
        error: {
          kind: 'permission-denied',
          message: expect.stringMatching(/^Cannot save the article: permission denied/),
        },
      })
      expect((await store.create({ headline: 'Also fine elsewhere' })).ok).toBe(true)
    } finally {
      undo()
    }
    expect(readFileSync(join(folder, ARTICLE_FILE), 'utf8')).toBe(before)
  })
})

describe('a damaged article file, described for a person', () => {
  /** Writes `text` over the article file of a new article, and gives its folder's name. */
  async function damaged(headline: string, text: (article: Record<string, unknown>) => string) {
    const article = await created(headline)
    const folder = foldersIn(store.root).find((name) => name.endsWith(article.id.slice(0, 8)))
    if (!folder) throw new Error('no folder')
    const file = join(store.root, folder, ARTICLE_FILE)
    writeFileSync(file, text(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>))
    return { id: article.id, folder }
  }

  it('says what is wrong and in which folder, never the full path or a schema path', async () => {
    const cutOff = await damaged('Bridge closes', (article) =>
      JSON.stringify(article, null, 2).split('\n').slice(0, 12).join('\n'),
    )
    const newer = await damaged('From the future', (article) =>
      JSON.stringify({ ...article, schemaVersion: 9 }),
    )
    const noHeadline = await damaged('Lost headline', ({ headline, ...article }) =>
      JSON.stringify({ ...article, byline: [{ name: ' ' }] }),
    )

    const listing = await listLibrary(store.root)
    expect(listing.ok && listing.value.damaged).toEqual([
      {
        folder: cutOff.folder,
        reason: `article.json in folder ${cutOff.folder} is not valid JSON (it ends in the middle, at line 12).`,
      },
      {
        folder: newer.folder,
        reason: `article.json in folder ${newer.folder} was written by a newer Copydesk (schema 9; this one reads up to schema ${ARTICLE_SCHEMA_VERSION}). Update Copydesk to open it.`,
      },
      {
        folder: noHeadline.folder,
        reason: `article.json in folder ${noHeadline.folder} is not a valid article: the headline is missing; the name in byline 1 is empty.`,
      },
    ])
    const opened = await store.open(noHeadline.id)
    expect(opened).toMatchObject({
      ok: false,
      error: { kind: 'damaged', message: listing.ok && listing.value.damaged[2]?.reason },
    })
    for (const message of [
      ...(listing.ok ? listing.value.damaged.map((entry) => entry.reason) : []),
      !opened.ok && opened.error.message,
    ]) {
      expect(message).not.toContain(temp.path)
      expect(message).not.toMatch(/fields\.|byline\.0|Invalid input|Unexpected/)
    }
  })
})

const DESK_STORY = '8c2f4e6a-1b3d-4f5a-9c7e-2d4f6a8b0c1e'
const deskFields = (overrides: Partial<ArticleFields> = {}): ArticleFields =>
  fieldsWith({ slug: 'ferry-strike', headline: 'Ferry strike', ...overrides })

describe('a story from the desk in the library', () => {
  it('is placed whole under its own id, with the files prepared for it', async () => {
    const adopted = await store.adopt(DESK_STORY, deskFields(), {
      prepare: async (folder) => writeFileSync(join(folder, 'desk-updates.yjs'), 'kept'),
    })
    expect(adopted).toMatchObject({ ok: true, value: { id: DESK_STORY, revision: 1 } })
    expect(foldersIn(store.root)).toEqual(['ferry-strike-8c2f4e6a'])
    expect(existsSync(join(store.root, 'ferry-strike-8c2f4e6a', 'desk-updates.yjs'))).toBe(true)
    expect(changes).toEqual([{ id: DESK_STORY, change: 'created' }])
    expect(await store.adopt(DESK_STORY, deskFields())).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    })
  })

  it('leaves nothing behind when its files cannot be prepared', async () => {
    const failing = store.adopt(DESK_STORY, deskFields(), {
      prepare: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    })
    expect(await failing).toMatchObject({ ok: false, error: { kind: 'disk-full' } })
    expect(foldersIn(store.root)).toEqual([])
    expect(changes).toEqual([])
  })

  it('is written from the desk’s state whatever its revision, status moves included', async () => {
    const created = await store.create(deskFields())
    if (!created.ok) throw new Error(created.error.message)
    const { id } = created.value
    // Unchanged: nothing written, no new revision.
    expect(await store.saveShared(id, deskFields(), 'main')).toMatchObject({
      value: { revision: 1 },
    })
    // Moved on by the desk while this machine was away: two steps at once.
    const saved = await store.saveShared(id, deskFields({ status: 'subbed' }), 'main')
    expect(saved).toMatchObject({ ok: true, value: { status: 'subbed', revision: 2 } })
    const opened = await store.open(id)
    expect(opened.ok && fieldsOf(opened.value).status).toBe('subbed')
    // Another window here editing it keeps it: refused, not written around.
    await store.locks.acquire(id, 'window')
    expect(await store.saveShared(id, deskFields({ headline: 'X' }), 'main')).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    })
    expect(await store.saveShared(id, deskFields({ headline: 'X' }), 'window')).toMatchObject({
      ok: true,
      value: { headline: 'X', revision: 3 },
    })
    expect(store.locks.clientHolding(id)).toBe('window')
    await store.locks.releaseAll()
  })
})

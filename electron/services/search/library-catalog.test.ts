import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fieldsOf, type NewArticleInput } from '../../../shared/article'
import { SearchQuerySchema, type SearchQuery } from '../../../shared/search/search-query'
import { LibraryCatalog } from './library-catalog'
import { ARTICLE_FILE, LibraryStore } from '../library/library-store'
import { listLibrary, makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let root: string
let indexDir: string
let store: LibraryStore
let catalog: LibraryCatalog

/** The catalog as the app wires it: told of each change the store makes. */
function open(): LibraryCatalog {
  const opened = new LibraryCatalog(root, indexDir)
  store = new LibraryStore(root, {
    onChange: (change) => void (change.id && opened.articleChanged(change.id)),
  })
  return opened
}

beforeEach(() => {
  temp = makeTempDir()
  root = join(temp.path, 'library')
  indexDir = join(temp.path, 'config', 'search-index')
  catalog = open()
})
afterEach(() => temp.remove())

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

async function create(input: NewArticleInput) {
  const result = await store.create(input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const ids = async (query: SearchQuery, from = catalog) =>
  (await from.search(SearchQuerySchema.parse(query))).hits.map((hit) => hit.article.id)

describe('the library catalog', () => {
  it('lists what a fresh read of the folder lists, damaged entries included', async () => {
    await create({ headline: 'Ferry returns' })
    await create({ headline: 'Budget passes', status: 'filed' })
    mkdirSync(join(root, 'broken-0123abcd'))
    writeFileSync(join(root, 'broken-0123abcd', ARTICLE_FILE), '{"id": 1')
    mkdirSync(join(root, 'empty-89abcdef'))
    mkdirSync(join(root, 'Photos from the shoot'))
    await catalog.folderChanged()

    const listed = await catalog.list()
    expect(listed).toEqual(await listLibrary(root))
    expect(listed.ok && listed.value.articles.map((article) => article.headline).sort()).toEqual([
      'Budget passes',
      'Ferry returns',
    ])
    expect(listed.ok && listed.value.damaged.map((entry) => entry.folder)).toEqual([
      'broken-0123abcd',
      'empty-89abcdef',
    ])
  })

  it('lists an article whose file goes bad as damaged, and no longer finds it', async () => {
    const article = await create({ headline: 'Ferry returns' })
    const folder = (await store.folderOf(article.id)) as { ok: true; value: string }
    writeFileSync(join(folder.value, ARTICLE_FILE), '{"id": "cut short')
    await catalog.articleChanged(article.id)
    expect(await ids({ text: 'ferry' })).toEqual([])
    expect(await catalog.list()).toMatchObject({
      ok: true,
      value: { articles: [], damaged: [{ reason: expect.stringMatching(/not valid JSON/) }] },
    })
  })

  it('finds the words of a save, and no longer the words it replaced', async () => {
    const article = await create({ headline: 'Ferry returns', body: paragraph('Storm repairs.') })
    expect(await ids({ text: 'storm' })).toEqual([article.id])

    const saved = await store.save(article.id, 1, {
      ...fieldsOf(article),
      body: paragraph('The breakwater held.'),
    })
    expect(saved.ok).toBe(true)
    expect(await ids({ text: 'storm' })).toEqual([])
    expect(await ids({ text: 'breakwater' })).toEqual([article.id])
  })

  it('gives each article as the list shows it after a change, and nothing for one not listed', async () => {
    const article = await create({ headline: 'Ferry returns' })
    expect(await catalog.articleChanged(article.id)).toMatchObject({
      headline: 'Ferry returns',
      revision: 1,
    })
    await store.save(article.id, 1, { ...fieldsOf(article), headline: 'Ferry returns at dawn' })
    const changed = await catalog.articleChanged(article.id)
    const listed = await catalog.list()
    expect(changed).toEqual(listed.ok && listed.value.articles[0])
    expect(changed).toMatchObject({ headline: 'Ferry returns at dawn', revision: 2 })
    expect(await catalog.articleChanged('00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it('shows a passage of the body around the match', async () => {
    const words = 'Earlier paragraphs fill the page here. '.repeat(12)
    await create({
      headline: 'Ferry',
      body: paragraph(`${words}A cheer went up at the breakwater.`),
    })
    const [hit] = (await catalog.search(SearchQuerySchema.parse({ text: 'breakwater' }))).hits
    expect(hit?.snippet).toMatch(/^….*cheer went up at the breakwater\.$/)
  })

  it('answers without passages when asked to, and gives the same passages separately', async () => {
    const article = await create({
      headline: 'Ferry',
      body: paragraph('The ferry docked late. A cheer went up at the breakwater.'),
    })
    const other = await create({ headline: 'Breakwater', body: paragraph('Nothing else.') })
    const query = { text: 'breakwater' }
    const withPassages = await catalog.search(SearchQuerySchema.parse(query))
    const without = await catalog.search(SearchQuerySchema.parse({ ...query, passages: false }))
    expect(without.hits.map((hit) => hit.snippet)).toEqual([undefined, undefined])
    const passages = await catalog.passages(
      without.hits.map(({ article: { id }, terms }) => ({ id, terms })),
    )
    const withById = Object.fromEntries(
      withPassages.hits.map((hit) => [hit.article.id, hit.snippet]),
    )
    expect(passages).toEqual({ [article.id]: withById[article.id] })
    expect(passages[article.id]).toMatch(/cheer went up at the breakwater/)
    expect(other.id in passages).toBe(false)
  })

  it('follows renames, the trash and restores', async () => {
    const article = await create({ headline: 'Harbour report' })
    await store.rename(article.id, article.revision, 'harbour-report-final')
    expect(await ids({ text: 'harbour' })).toEqual([article.id])
    await store.trash(article.id)
    expect(await ids({ text: 'harbour' })).toEqual([])
    await store.restore(article.id)
    expect(await ids({ text: 'harbour' })).toEqual([article.id])
  })

  it('starts again from the kept index, reading only the files changed while it was closed', async () => {
    const kept = await create({ headline: 'Hospital wing opens' })
    const changed = await create({ headline: 'Tram line delayed' })
    const removed = await create({ headline: 'Museum closes' })
    await catalog.flush()

    // While Copydesk is closed, a colleague edits one article and deletes another.
    const colleague = new LibraryStore(root)
    await colleague.save(changed.id, 1, { ...fieldsOf(changed), headline: 'Tram line opens' })
    await colleague.trash(removed.id)

    const restarted = open()
    expect(await restarted.ready()).toEqual({ read: 1, unchanged: 1, removed: 1 })
    expect(await ids({ text: 'opens' }, restarted)).toEqual(
      expect.arrayContaining([kept.id, changed.id]),
    )
    expect(await ids({ text: 'museum' }, restarted)).toEqual([])
  })

  it('replays the journal of saves made since the last snapshot', async () => {
    await create({ headline: 'Hospital wing opens' })
    await catalog.flush()
    const later = await create({ headline: 'Wildfire contained' })
    await catalog.list()

    const restarted = open()
    expect(await restarted.ready()).toEqual({ read: 0, unchanged: 2, removed: 0 })
    expect(await ids({ text: 'wildfire' }, restarted)).toEqual([later.id])
  })

  it('rebuilds from the articles when the kept index is damaged', async () => {
    await create({ headline: 'Hospital wing opens' })
    await catalog.flush()
    for (const name of readdirSync(indexDir)) writeFileSync(join(indexDir, name), '{"format": 3')

    const restarted = open()
    expect(await restarted.ready()).toEqual({ read: 1, unchanged: 0, removed: 0 })
    expect(await ids({ text: 'hospital' }, restarted)).toHaveLength(1)
  })
})

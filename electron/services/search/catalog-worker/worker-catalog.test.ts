import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fieldsOf } from '../../../../shared/article'
import { SearchQuerySchema } from '../../../../shared/search/search-query'
import { LibraryCatalog } from '../library-catalog'
import { ARTICLE_FILE, LibraryStore } from '../../library/library-store'
import { makeTempDir } from '../../testing/test-support'
import { WorkerCatalog } from './worker-catalog'

let temp: ReturnType<typeof makeTempDir>
let root: string
let store: LibraryStore
let catalog: WorkerCatalog

beforeEach(() => {
  temp = makeTempDir()
  root = join(temp.path, 'library')
  store = new LibraryStore(root)
  catalog = new WorkerCatalog({ root, indexDir: join(temp.path, 'worker-index') })
})
afterEach(async () => {
  await catalog.close()
  await temp.remove()
})

async function create(headline: string, text: string) {
  const created = await store.create({
    headline,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  })
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

const query = (text: string) => SearchQuerySchema.parse({ text, passages: true })

describe('the catalog in a worker thread', () => {
  it('lists, searches and finds passages as the catalog in this thread does', async () => {
    await create('Ferry returns', 'A cheer went up at the breakwater as the ferry came in.')
    await create('Budget passes', 'The council passed the harbour budget after midnight.')
    await create('Storm warning', 'Ferries stay in port while the storm passes the harbour.')
    await catalog.folderChanged()
    const here = new LibraryCatalog(root, join(temp.path, 'here-index'))

    expect(await catalog.list()).toEqual(await here.list())
    for (const text of ['harbour', 'ferr', 'council budget', 'breakwatr'])
      expect(await catalog.search(query(text))).toEqual(await here.search(query(text)))
    const found = await catalog.search(query('breakwater'))
    expect(found.hits[0]?.snippet).toContain('breakwater')
    const hits = found.hits.map(({ article, terms }) => ({ id: article.id, terms }))
    expect(await catalog.passages(hits)).toEqual(await here.passages(hits))
    await here.idle()
  })

  it('answers a change with the article as the list now shows it', async () => {
    const article = await create('Ferry returns', 'The ferry is back.')
    expect(await catalog.articleChanged(article.id)).toMatchObject({ revision: 1 })
    await store.save(article.id, 1, { ...fieldsOf(article), headline: 'Ferry returns at dawn' })
    const changed = await catalog.articleChanged(article.id)
    expect(changed).toMatchObject({ headline: 'Ferry returns at dawn', revision: 2 })
    const listed = await catalog.list()
    expect(listed.ok && listed.value.articles).toEqual([changed])
    expect((await catalog.search(query('dawn'))).hits.map((hit) => hit.article.id)).toEqual([
      article.id,
    ])
  })

  it('lists each change made since the last list, and damaged files as they are found', async () => {
    const first = await create('Ferry returns', 'The ferry is back.')
    await catalog.folderChanged()
    const headlines = async () => {
      const listed = await catalog.list()
      if (!listed.ok) throw new Error(listed.error.message)
      return listed.value.articles.map((article) => article.headline).sort()
    }
    expect(await headlines()).toEqual(['Ferry returns'])

    const second = await create('Budget passes', 'The council passed it.')
    await catalog.articleChanged(second.id)
    expect(await headlines()).toEqual(['Budget passes', 'Ferry returns'])

    await store.save(first.id, 1, { ...fieldsOf(first), headline: 'Ferry returns at dawn' })
    await catalog.articleChanged(first.id)
    expect(await headlines()).toEqual(['Budget passes', 'Ferry returns at dawn'])

    const folder = readdirSync(root).find((name) => name.endsWith(second.id.slice(0, 8)))
    writeFileSync(join(root, folder ?? '', ARTICLE_FILE), '{"id": 1')
    await catalog.folderChanged()
    expect(await headlines()).toEqual(['Ferry returns at dawn'])
    const listed = await catalog.list()
    expect(listed.ok && listed.value.damaged.map((entry) => entry.folder)).toEqual([folder])
  })

  it('fails the calls waiting on a thread that stops, and starts another for the next', async () => {
    const article = await create('Ferry returns', 'The ferry is back.')
    await catalog.ready()
    // As a crash would: the thread goes with a call unanswered. The call never reaches it, so
    // the thread cannot answer first however fast it is.
    const { worker } = catalog as unknown as {
      worker: { postMessage(message: unknown): void; terminate(): Promise<number> }
    }
    worker.postMessage = () => undefined
    const waiting = catalog.search(query('ferry'))
    await worker.terminate()
    await expect(waiting).rejects.toThrow(/the library index stopped/)

    const found = await catalog.search(query('ferry'))
    expect(found.hits.map((hit) => hit.article.id)).toEqual([article.id])
  })

  it('refuses calls once closed', async () => {
    await catalog.close()
    await expect(catalog.list()).rejects.toThrow('the library index was closed')
  })
})

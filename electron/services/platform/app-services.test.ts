import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fieldsOf } from '../../../shared/article'
import type { EventPayloadOf } from '../../../shared/ipc/contract'
import { SearchQuerySchema } from '../../../shared/search/search-query'
import { createAppServices, type AppServices } from './app-services'
import { ArticleLocks } from '../library/article-locks'
import { FileSettingsStore } from '../settings/file-settings-store'
import { makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let services: AppServices | undefined

beforeEach(() => {
  temp = makeTempDir()
})
afterEach(async () => {
  await services?.catalog.idle()
  await services?.catalog.close()
  await temp.remove()
})

function start(catalogInWorker: boolean): AppServices {
  return createAppServices({
    root: join(temp.path, 'library'),
    settings: new FileSettingsStore(join(temp.path, 'settings.json')),
    userStyleDir: join(temp.path, 'style'),
    recoveryDir: join(temp.path, 'recovery'),
    indexDir: join(temp.path, 'search-index'),
    deskTokenFile: join(temp.path, 'desk-token'),
    catalogInWorker,
  })
}

describe.each([
  { where: 'in this thread', catalogInWorker: false },
  { where: 'in a worker thread', catalogInWorker: true },
])('the library catalog $where', ({ catalogInWorker }) => {
  it('announces a save once the list has it, with the article as the list shows it', async () => {
    services = start(catalogInWorker)
    const { library, catalog, events } = services
    const created = await library.create({ headline: 'Ferry returns' })
    if (!created.ok) throw new Error(created.error.message)
    const heard: EventPayloadOf<'library:changed'>[] = []
    const announced = new Promise<void>((resolve) =>
      events.subscribe((event, payload) => {
        const change = payload as EventPayloadOf<'library:changed'>
        if (event !== 'library:changed' || change.change !== 'saved') return
        heard.push(change)
        resolve()
      }),
    )

    const article = created.value
    await library.save(article.id, 1, { ...fieldsOf(article), headline: 'Ferry returns at dawn' })
    await announced
    expect(heard[0]?.summary).toMatchObject({ headline: 'Ferry returns at dawn', revision: 2 })
    const listed = await catalog.list()
    expect(listed.ok && listed.value.articles).toEqual([heard[0]?.summary])
    const found = await catalog.search(SearchQuerySchema.parse({ text: 'dawn' }))
    expect(found.hits.map((hit) => hit.article.id)).toEqual([article.id])
  })
})

describe('closing the services', () => {
  it('lets the locks go first, writes the index, and stops the threads, once for every host', async () => {
    services = start(true)
    const { library, locks, catalog } = services
    const created = await library.create({ headline: 'Ferry returns' })
    if (!created.ok) throw new Error(created.error.message)
    await catalog.ready()
    services.watchLibrary()
    expect(await locks.acquire(created.value.id, 'window-1')).toMatchObject({
      value: { editable: true },
    })

    await services.close()

    // Another desk on the same library may edit at once.
    const otherDesk = new ArticleLocks(library, () => 'Ana Lee')
    expect(await otherDesk.acquire(created.value.id)).toMatchObject({ value: { editable: true } })
    await otherDesk.releaseAll()
    await expect(catalog.list()).rejects.toThrow('the library index was closed')
    // What it kept is there for the next start.
    services = start(false)
    const listed = await services.catalog.list()
    expect(listed.ok && listed.value.articles.map((article) => article.headline)).toEqual([
      'Ferry returns',
    ])
  })
})

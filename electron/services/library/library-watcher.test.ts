import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryStore } from './library-store'
import { LibraryWatcher, type ExternalChange } from './library-watcher'
import { makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let watcher: LibraryWatcher
let changes: ExternalChange[]
let colleague: LibraryStore

beforeEach(async () => {
  temp = makeTempDir()
  const root = join(temp.path, 'library')
  mkdirSync(root)
  changes = []
  watcher = new LibraryWatcher(root, (change) => changes.push(change))
  await watcher.start()
  // Another instance, or a colleague on the shared folder: a store of its own, no events shared.
  colleague = new LibraryStore(root)
})
afterEach(async () => {
  await watcher.stop()
  temp.remove()
})

const within = async (predicate: () => boolean, ms = 1_000) => {
  const until = Date.now() + ms
  while (!predicate() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
  return predicate()
}

describe('the library watcher', () => {
  it('reports an article someone else creates, saves and trashes, within a second each', async () => {
    const created = await colleague.create({ headline: 'From the other desk' })
    if (!created.ok) throw new Error(created.error.message)
    const id = created.value.id
    expect(await within(() => changes.some((change) => change.id === id))).toBe(true)

    changes = []
    await colleague.save(id, 1, { ...created.value, headline: 'Changed over there' })
    expect(await within(() => changes.some((change) => change.id === id))).toBe(true)

    changes = []
    await colleague.trash(id)
    expect(await within(() => changes.length > 0)).toBe(true)
  })

  it('one save is one report, not one per file operation', async () => {
    const created = await colleague.create({ headline: 'Once' })
    if (!created.ok) throw new Error(created.error.message)
    await within(() => changes.length > 0)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(changes.filter((change) => change.id === created.value.id)).toHaveLength(1)
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fieldsOf } from '../../../../shared/article'
import type * as AtomicFile from '../../disk/atomic-file'
import { LibraryStore } from '../library-store'
import { makeReadOnly, makeTempDir } from '../../testing/test-support'

/** A fault-injecting file system: while `diskFull` is set, every durable write fails as a full disk would. */
const faults = vi.hoisted(() => ({ diskFull: false }))
vi.mock('../../disk/atomic-file', async (original) => {
  const real = await original<typeof AtomicFile>()
  return {
    ...real,
    writeFileDurably: async (...args: Parameters<typeof real.writeFileDurably>) => {
      if (faults.diskFull) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
      }
      return real.writeFileDurably(...args)
    },
  }
})

let temp: ReturnType<typeof makeTempDir>
let store: LibraryStore

beforeEach(() => {
  temp = makeTempDir()
  store = new LibraryStore(join(temp.path, 'library'))
  faults.diskFull = false
})
afterEach(() => temp.remove())

async function draft() {
  const created = await store.create({ headline: 'Before the fault' })
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

describe('faults while saving', () => {
  it('a full disk: the save fails as disk-full, the file keeps its last good revision, and the next save after the fault works', async () => {
    const article = await draft()
    const folder = await store.folderOf(article.id)
    if (!folder.ok) throw new Error(folder.error.message)
    const before = readFileSync(join(folder.value, 'article.json'), 'utf8')

    faults.diskFull = true
    const failed = await store.save(article.id, 1, {
      ...fieldsOf(article),
      headline: 'During the fault',
    })
    expect(failed).toMatchObject({
      ok: false,
      error: { kind: 'disk-full', message: expect.stringMatching(/disk is full|space/i) },
    })
    expect(readFileSync(join(folder.value, 'article.json'), 'utf8')).toBe(before)

    faults.diskFull = false
    const saved = await store.save(article.id, 1, {
      ...fieldsOf(article),
      headline: 'After the fault',
    })
    expect(saved).toMatchObject({ ok: true, value: { headline: 'After the fault', revision: 2 } })
  })

  it.skipIf(process.platform === 'win32')(
    'a read-only folder: the save fails as permission-denied, nothing changes, and it works once writable again',
    async () => {
      const article = await draft()
      const folder = await store.folderOf(article.id)
      if (!folder.ok) throw new Error(folder.error.message)
      const restore = makeReadOnly(folder.value)
      if (!restore) return // No way to make a folder read-only for this user here (root without chattr).
      try {
        const failed = await store.save(article.id, 1, {
          ...fieldsOf(article),
          headline: 'Read-only',
        })
        expect(failed).toMatchObject({ ok: false, error: { kind: 'permission-denied' } })
      } finally {
        restore()
      }
      expect(
        await store.save(article.id, 1, { ...fieldsOf(article), headline: 'Writable' }),
      ).toMatchObject({
        ok: true,
        value: { revision: 2 },
      })
    },
  )
})

import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldsOf } from '../../../../shared/article'
import { LibraryStore } from '../library-store'
import { makeTempDir } from '../../testing/test-support'

/**
 * A real file system turned read-only under a library that holds an article: what a person sees
 * when a USB stick's lock switch is on or a network share goes read-only. Mounting needs root (CI
 * runs as root); elsewhere the cases skip, saying why.
 */
let temp: ReturnType<typeof makeTempDir>
let disk: string
let mounted = false
let whyNot = ''
let store: LibraryStore
let articleId = ''
let created: Awaited<ReturnType<LibraryStore['create']>>

beforeAll(async () => {
  temp = makeTempDir()
  disk = join(temp.path, 'disk')
  mkdirSync(disk)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk], { stdio: 'pipe' })
    mounted = true
  } catch (error) {
    whyNot = `cannot mount a tmpfs here (${String(error).split('\n')[0]}): needs root`
    return
  }
  store = new LibraryStore(join(disk, 'library'))
  created = await store.create({ headline: 'Written before the disk went read-only' })
  if (!created.ok) throw new Error(created.error.message)
  articleId = created.value.id
  execFileSync('mount', ['-o', 'remount,ro', disk])
})
afterAll(async () => {
  if (mounted) execFileSync('umount', [disk])
  await temp.remove()
})

const readOnly = {
  ok: false,
  error: { kind: 'permission-denied', message: expect.stringContaining('read-only disk') },
}

describe('a read-only disk (a real tmpfs remounted read-only)', () => {
  it('a new article is refused as read-only, not "not found"', async (context) => {
    if (!mounted) context.skip(whyNot)
    expect(await store.create({ headline: 'Cannot be written' })).toMatchObject(readOnly)
  })

  it('moving an article to the trash is refused as read-only', async (context) => {
    if (!mounted) context.skip(whyNot)
    expect(await store.trash(articleId)).toMatchObject(readOnly)
  })

  it('a refused save names the article file, not a temp file', async (context) => {
    if (!mounted) context.skip(whyNot)
    if (!created.ok) throw new Error(created.error.message)
    const failed = await store.save(articleId, 1, {
      ...fieldsOf(created.value),
      headline: 'Changed on a read-only disk',
    })
    expect(failed).toMatchObject(readOnly)
    if (failed.ok) return
    expect(failed.error.message).toContain('article.json')
    expect(failed.error.message).not.toMatch(/\.tmp\b/)
  })

  it('the article still opens with its last good text', async (context) => {
    if (!mounted) context.skip(whyNot)
    expect(await store.open(articleId)).toMatchObject({
      ok: true,
      value: { revision: 1, headline: 'Written before the disk went read-only' },
    })
  })
})

import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statfsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldsOf } from '../../../../shared/article'
import { LibraryStore } from '../library-store'
import { makeTempDir } from '../../testing/test-support'
import { writeFileDurably } from '../../disk/atomic-file'

/**
 * A real, tiny file system (tmpfs), filled almost to the brim: what a nearly full disk does to a
 * write, no mock. Mounting needs root (CI runs as root); elsewhere the case skips, saying why.
 */
let temp: ReturnType<typeof makeTempDir>
let disk: string
let mounted = false
let whyNot = ''

beforeAll(() => {
  temp = makeTempDir()
  disk = join(temp.path, 'disk')
  mkdirSync(disk)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk], { stdio: 'pipe' })
    mounted = true
  } catch (error) {
    whyNot = `cannot mount a tmpfs here (${String(error).split('\n')[0]}): needs root`
  }
})
afterAll(async () => {
  if (mounted) execFileSync('umount', [disk])
  await temp.remove()
})

/** Fills the disk until about `left` bytes are free. */
function fillUntil(left: number) {
  const { bavail, bsize } = statfsSync(disk)
  const free = bavail * bsize
  writeFileSync(join(disk, 'ballast'), Buffer.alloc(Math.max(0, free - left)))
}

describe('a nearly full disk (a real tmpfs)', () => {
  it('a save that does not fit fails as disk-full, and the article keeps its last good text', async (context) => {
    if (!mounted) context.skip(whyNot)
    const store = new LibraryStore(join(disk, 'library'))
    const created = await store.create({ headline: 'Before the disk filled' })
    if (!created.ok) throw new Error(created.error.message)
    const folder = await store.folderOf(created.value.id)
    if (!folder.ok) throw new Error(folder.error.message)
    const before = readFileSync(join(folder.value, 'article.json'), 'utf8')

    fillUntil(40 * 1024)
    const long = 'The council met again on Tuesday to argue about the harbour. '.repeat(1_900)
    const failed = await store.save(created.value.id, 1, {
      ...fieldsOf(created.value),
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: long }] }],
      },
    })
    expect(failed).toMatchObject({ ok: false, error: { kind: 'disk-full' } })
    expect(readFileSync(join(folder.value, 'article.json'), 'utf8')).toBe(before)
    expect(readdirSync(folder.value).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(await store.open(created.value.id)).toMatchObject({
      ok: true,
      value: { revision: 1, headline: 'Before the disk filled' },
    })
  })

  it('a file that does not fit is never left half-written under its name', async (context) => {
    if (!mounted) context.skip(whyNot)
    const target = join(disk, 'picture.png')
    writeFileSync(target, 'the old picture')
    fillUntil(24 * 1024)
    await expect(writeFileDurably(target, Buffer.alloc(335 * 1024, 7))).rejects.toMatchObject({
      code: 'ENOSPC',
    })
    expect(readFileSync(target, 'utf8')).toBe('the old picture')
  })
})

import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { STRAY_AFTER_MS, sweepStrayFiles } from './stray-files'
import { makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
beforeEach(() => (temp = makeTempDir()))
afterEach(() => temp.remove())

/** Writes a file (or makes a folder) last touched `ageMs` ago. */
function leave(path: string, ageMs: number, content?: string) {
  mkdirSync(join(path, '..'), { recursive: true })
  if (content === undefined) mkdirSync(path)
  else writeFileSync(path, content)
  const when = new Date(Date.now() - ageMs)
  utimesSync(path, when, when)
  return path
}

const OLD = STRAY_AFTER_MS * 10

describe('sweepStrayFiles', () => {
  it('removes temp files a killed process left, at every depth, and says how much', async () => {
    const library = join(temp.path, 'library')
    const article = join(library, 'council-vote-0123abcd')
    const strays = [
      leave(join(article, 'article.json.copydesk-0123456789ab.tmp'), OLD, 'half a sto'),
      leave(join(article, 'assets', 'f00d.png.copydesk-a1b2c3d4e5f6.tmp'), OLD, 'half a pic'),
      leave(join(article, 'versions', 'v1.json.copydesk-ffffffffffff.tmp'), OLD, '{'),
    ]
    const recovery = join(temp.path, 'recovery')
    strays.push(leave(join(recovery, 'x.json.copydesk-000000000000.tmp'), OLD, '{"a'))

    const report = await sweepStrayFiles([library, recovery])

    expect(report.removed.sort()).toEqual(strays.sort())
    expect(report.bytes).toBe(10 + 10 + 1 + 3)
    for (const path of strays) expect(existsSync(path)).toBe(false)
  })

  it('removes a new article that never reached its folder', async () => {
    const library = join(temp.path, 'library')
    const staging = leave(join(library, '.incoming-0123abcd'), OLD)
    leave(join(staging, 'article.json'), OLD, '{}')
    utimesSync(staging, new Date(Date.now() - OLD), new Date(Date.now() - OLD))

    expect((await sweepStrayFiles([library])).removed).toEqual([staging])
    expect(existsSync(staging)).toBe(false)
  })

  it('leaves a write still in progress, and everything that is not a temp file', async () => {
    const library = join(temp.path, 'library')
    const article = join(library, 'council-vote-0123abcd')
    const kept = [
      leave(join(article, 'article.json.copydesk-0123456789ab.tmp'), 1_000, 'being writ'),
      leave(join(article, 'article.json'), OLD, '{"the":"story"}'),
      leave(join(article, 'notes.tmp'), OLD, 'a person’s own file'),
      leave(join(article, 'article.json.copydesk-short.tmp'), OLD, 'not our name'),
      leave(join(library, '.incoming-fresh'), 1_000),
    ]

    expect(await sweepStrayFiles([library])).toEqual({ removed: [], bytes: 0 })
    for (const path of kept) expect(existsSync(path)).toBe(true)
    expect(readFileSync(join(article, 'article.json'), 'utf8')).toBe('{"the":"story"}')
  })

  it('passes over a folder that does not exist', async () => {
    expect(await sweepStrayFiles([join(temp.path, 'no-such-folder')])).toEqual({
      removed: [],
      bytes: 0,
    })
  })
})

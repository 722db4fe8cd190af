import { spawn } from 'node:child_process'
import { build } from 'esbuild'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseArticleJson } from '../../../../shared/article'
import { LibraryStore } from '../library-store'
import { listLibrary, makeTempDir } from '../../testing/test-support'

/**
 * Each kill costs a Node start, so CI runs 30 of them; set COPYDESK_CRASH_KILLS=200 (or more)
 * for a longer hunt.
 */
const KILLS = Number(process.env.COPYDESK_CRASH_KILLS ?? 30)

let temp: ReturnType<typeof makeTempDir>
let root: string
let id: string
/** The save loop bundled once: plain Node starts it in a third of the time tsx takes. */
let saveLoop: string

beforeAll(async () => {
  temp = makeTempDir()
  saveLoop = join(temp.path, 'save-loop.cjs')
  await build({
    entryPoints: [join(__dirname, 'save-loop.ts')],
    outfile: saveLoop,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  })
  root = join(temp.path, 'library')
  const created = await new LibraryStore(root).create({ headline: 'Revision 1' })
  if (!created.ok) throw new Error(created.error.message)
  id = created.value.id
})
afterAll(() => temp.remove())

/**
 * Runs the save loop and kills it with SIGKILL at a random moment once it is saving (within
 * `window` ms of its first save: before, during or after the writes that follow), and says the
 * last revision it reported saved.
 */
function saveThenKill(window: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    // Node itself: the killed process is the one writing, not a wrapper.
    const child = spawn(process.execPath, [saveLoop, root, id], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let last: number | undefined
    let errors = ''
    let timer: ReturnType<typeof setTimeout> | undefined
    const kill = () => child.kill('SIGKILL')
    const giveUp = setTimeout(kill, 30_000)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/saved (\d+)/g)) last = Number(match[1])
      timer ??= setTimeout(kill, Math.floor(Math.random() * window))
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      clearTimeout(giveUp)
      if (signal !== 'SIGKILL') reject(new Error(`the save loop stopped by itself: ${errors}`))
      else resolve(last)
    })
  })
}

const folder = () => join(root, readdirSync(root).find((name) => !name.startsWith('.')) ?? '')

describe('crash safety', () => {
  it(`after ${KILLS} SIGKILLs at random moments during saves, the article file always parses and holds the old or the new revision`, async () => {
    let known = 1
    let kills = 0
    while (kills < KILLS) {
      // Start-up takes a few hundred milliseconds; kills land before, between and during writes.
      const reported = await saveThenKill(300 + Math.floor(Math.random() * 400))
      kills++
      const text = readFileSync(join(folder(), 'article.json'), 'utf8')
      const parsed = parseArticleJson(text)
      if (!parsed.ok)
        throw new Error(`kill ${kills + 1}: the article file does not parse: ${parsed.reason}`)
      const article = parsed.article
      // Whole, valid, and either the last save it reported or the one it was writing.
      const floor = Math.max(known, reported ?? known)
      expect([floor, floor + 1], `kill ${kills}`).toContain(article.revision)
      expect(article.headline).toBe(`Revision ${article.revision}`)
      known = article.revision
    }
    expect(known).toBeGreaterThan(1)
    const listing = await listLibrary(root)
    expect(listing).toMatchObject({ ok: true, value: { damaged: [] } })
    expect(listing.ok && listing.value.articles).toHaveLength(1)
  }, 600_000)
})

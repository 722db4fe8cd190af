import { readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleLocks, LOCK_STALE_MS } from './article-locks'
import type { NodeServices } from './node-services'
import { createTempServices, makeTempDir } from './test-support'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let ana: ArticleLocks
let ben: ArticleLocks
let id: string

beforeEach(async () => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  // Two app instances on one library, each with its own person.
  ana = new ArticleLocks(
    services.library,
    () => 'Ana Lee',
    () => new Date('2026-11-29T09:00:00Z'),
  )
  ben = new ArticleLocks(services.library, () => 'Ben Roe')
  const created = await services.library.create({ headline: 'Shared' })
  if (!created.ok) throw new Error(created.error.message)
  id = created.value.id
})
afterEach(async () => {
  await ana.releaseAll()
  await ben.releaseAll()
  temp.remove()
})

describe('article locks', () => {
  it('the first to open an article edits it; the second is told who and since when', async () => {
    expect(await ana.acquire(id)).toEqual({ ok: true, value: { editable: true } })
    expect(await ana.acquire(id)).toEqual({ ok: true, value: { editable: true } })
    expect(await ben.acquire(id)).toEqual({
      ok: true,
      value: { editable: false, holder: { name: 'Ana Lee', since: '2026-11-29T09:00:00.000Z' } },
    })
  })

  it('once the first lets go, the second can edit', async () => {
    await ana.acquire(id)
    await ana.release(id)
    expect(await ben.acquire(id)).toEqual({ ok: true, value: { editable: true } })
    expect(await ana.acquire(id)).toMatchObject({
      ok: true,
      value: { editable: false, holder: { name: 'Ben Roe' } },
    })
  })

  it('a lock left by a process on this machine that has died is taken over at once', async () => {
    await ana.acquire(id)
    const folder = await services.library.folderOf(id)
    if (!folder.ok) throw new Error(folder.error.message)
    const holderFile = join(folder.value, 'lock-holder.json')
    const holder = JSON.parse(readFileSync(holderFile, 'utf8'))
    // A pid that is not running (the highest pid Linux hands out is far below this).
    writeFileSync(holderFile, JSON.stringify({ ...holder, pid: 2 ** 30 }))
    ana = new ArticleLocks(services.library, () => 'Ana Lee')
    expect(await ben.acquire(id)).toEqual({ ok: true, value: { editable: true } })
  })

  it('asking twice at once gets one lock, not a refusal from itself', async () => {
    const [first, second] = await Promise.all([ana.acquire(id), ana.acquire(id)])
    expect([first, second]).toEqual([
      { ok: true, value: { editable: true } },
      { ok: true, value: { editable: true } },
    ])
  })

  it('a lock its holder stopped refreshing (a crash, a dead network) can be taken over', async () => {
    await ana.acquire(id)
    const folder = await services.library.folderOf(id)
    if (!folder.ok) throw new Error(folder.error.message)
    // As if Ana's app died: nothing refreshes the lock, and it ages past the stale limit.
    ana = new ArticleLocks(services.library, () => 'Ana Lee')
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000)
    utimesSync(join(folder.value, 'article.json.lock'), old, old)
    expect(await ben.acquire(id)).toEqual({ ok: true, value: { editable: true } })
  })
})

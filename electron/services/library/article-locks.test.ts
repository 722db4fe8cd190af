import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setTimeout as sleep } from 'node:timers/promises'
import { ArticleLocks, LOCK_STALE_MS, LOCKS_FOLDER } from './article-locks'
import { resourcesDir } from '../platform/app-paths'
import { createHandlers } from '../platform/handlers'
import { LibraryStore } from './library-store'
import type { NodeServices } from '../platform/node-services'
import { fieldsOf } from '../../../shared/article/schema'
import { THIS_PROCESS } from '../../../shared/library/request-context'
import { makeImage } from '../testing/test-images'
import { createTempServices, makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let ana: ArticleLocks
let ben: ArticleLocks
let id: string
let PNG: Buffer

beforeEach(async () => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  // Two app instances on one library, each with its own person.
  ana = new ArticleLocks(
    services.library,
    () => 'Ana Lee',
    () => new Date('2026-11-29T09:00:00Z'),
  )
  // Ben is this app: the locks its library's changes go through.
  await services.settings.update({ displayName: 'Ben Roe' })
  ben = services.locks
  const created = await services.library.create({ headline: 'Shared' })
  if (!created.ok) throw new Error(created.error.message)
  id = created.value.id
  PNG = await makeImage('png')
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
    const holderFile = join(temp.path, 'library', LOCKS_FOLDER, `${id}.holder.json`)
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
    // As if Ana's app died: nothing refreshes the lock, and it ages past the stale limit.
    ana = new ArticleLocks(services.library, () => 'Ana Lee')
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000)
    utimesSync(join(temp.path, 'library', LOCKS_FOLDER, `${id}.lock`), old, old)
    expect(await ben.acquire(id)).toEqual({ ok: true, value: { editable: true } })
  })

  it('two windows of one app: the first edits, the second reads it locked until the first goes', async () => {
    expect(await ana.acquire(id, 'window-1')).toEqual({ ok: true, value: { editable: true } })
    expect(await ana.acquire(id, 'window-2')).toEqual({
      ok: true,
      value: {
        editable: false,
        holder: { name: 'Ana Lee', since: '2026-11-29T09:00:00.000Z', elsewhere: 'window' },
      },
    })
    // Only the holder can let go; then the other window edits.
    await ana.release(id, 'window-2')
    expect(ana.holds(id, 'window-1')).toBe(true)
    await ana.releaseClient('window-1')
    expect(await ana.acquire(id, 'window-2')).toEqual({ ok: true, value: { editable: true } })
  })

  it("a request right behind a release never finds the half-released lock someone else's", async () => {
    // As when closing a story sends "unlock" and the trash that follows asks for the lock.
    for (let round = 0; round < 5; round++) {
      await ana.acquire(id, 'window-1')
      const [, again] = await Promise.all([
        ana.release(id, 'window-1'),
        ana.acquire(id, 'window-1'),
      ])
      expect(again).toEqual({ ok: true, value: { editable: true } })
      await ana.release(id, 'window-1')
    }
  })

  it('a lock these locks lost track of is theirs again, never "someone else\'s"', async () => {
    await ana.acquire(id)
    // The lock is still on disk, but this instance no longer counts it as held (as after its
    // refresh failed once): asking again must not report Ana as the one locking Ana out.
    const lost = ana as unknown as { held: Map<string, unknown> }
    lost.held.clear()
    expect(await ana.acquire(id)).toEqual({ ok: true, value: { editable: true } })
    expect(await ben.acquire(id)).toMatchObject({ value: { editable: false } })
  })
})

describe('locks and a slug that changes', () => {
  it('saving keeps working after the headline renames the folder, and a clean stop leaves no lock behind', async () => {
    // Ana's app on the same library, with the shortest stale time proper-lockfile allows: her
    // lock is refreshed every second.
    const anasLibrary = new LibraryStore(join(temp.path, 'library'), {
      holderName: () => 'Ana Lee',
      lockStaleMs: 2_000,
    })
    const { locks } = anasLibrary
    const window = 'window-1'
    expect(await locks.acquire(id, window)).toEqual({ ok: true, value: { editable: true } })
    const opened = await anasLibrary.open(id)
    if (!opened.ok) throw new Error(opened.error.message)
    const first = await anasLibrary.save(
      id,
      opened.value.revision,
      { ...fieldsOf(opened.value), headline: 'A new headline', slug: 'a-new-headline' },
      window,
    )
    expect(first).toMatchObject({ ok: true, value: { slug: 'a-new-headline' } })
    // Long enough for the lock to have been refreshed twice since the folder moved.
    await sleep(2_600)
    const second = await anasLibrary.save(
      id,
      opened.value.revision + 1,
      {
        ...fieldsOf(opened.value),
        headline: 'A new headline',
        slug: 'a-new-headline',
        section: 'News',
      },
      window,
    )
    expect(second).toMatchObject({ ok: true, value: { revision: opened.value.revision + 2 } })
    // Another desk still finds it locked, at its new folder.
    expect(await ben.acquire(id)).toMatchObject({ value: { editable: false } })

    await locks.releaseAll()
    const folder = await services.library.folderOf(id)
    if (!folder.ok) throw new Error(folder.error.message)
    expect(existsSync(join(folder.value, 'article.json.lock'))).toBe(false)
    expect(readdirSync(join(temp.path, 'library', LOCKS_FOLDER))).toEqual([])
  })

  it('every change through the IPC contract is refused while another desk edits', async () => {
    const handlers = createHandlers({ ...services, resourcesDir: resourcesDir() })
    await ana.acquire(id)
    const opened = await services.library.open(id)
    if (!opened.ok) throw new Error(opened.error.message)
    const version = await services.versions.list(id)
    const revision = opened.value.revision
    const refused = { ok: false, error: { kind: 'locked', holder: { name: 'Ana Lee' } } }
    const changes = {
      'article:save': () =>
        handlers['article:save'](
          { id, baseRevision: revision, fields: fieldsOf(opened.value) },
          THIS_PROCESS,
        ),
      'article:rename': () =>
        handlers['article:rename']({ id, baseRevision: revision, slug: 'other' }, THIS_PROCESS),
      'article:trash': () => handlers['article:trash']({ id }, THIS_PROCESS),
      'article:discard-untouched': () =>
        handlers['article:discard-untouched']({ id }, THIS_PROCESS),
      'asset:import': () =>
        handlers['asset:import'](
          { articleId: id, fileName: 'p.png', bytes: new Uint8Array(PNG) },
          THIS_PROCESS,
        ),
      'version:create': () =>
        handlers['version:create']({ articleId: id, label: 'x' }, THIS_PROCESS),
      'version:restore': () =>
        handlers['version:restore'](
          {
            articleId: id,
            versionId: version.ok ? (version.value[0]?.id ?? '') : '',
            baseRevision: revision,
          },
          THIS_PROCESS,
        ),
    }
    for (const [channel, change] of Object.entries(changes))
      expect({ channel, answer: await change() }).toMatchObject({ channel, answer: refused })
    expect(await changes['article:save']()).toMatchObject({
      error: {
        message: /Ana Lee has had this article open for editing since .*; it is read-only here\./,
      },
    })
    expect(await services.library.open(id)).toMatchObject({
      ok: true,
      value: { revision, slug: opened.value.slug },
    })
    expect(existsSync(join(temp.path, 'library', LOCKS_FOLDER))).toBe(true)

    await ana.release(id)
    expect(await changes['article:rename']()).toMatchObject({ ok: true })
    // A lock taken just for that change is not kept.
    expect(ben.holds(id, THIS_PROCESS.client)).toBe(false)
  })

  it('the stores refuse too, whoever calls them (the CLI, a script, the desk server)', async () => {
    await ana.acquire(id)
    const opened = await services.library.open(id)
    if (!opened.ok) throw new Error(opened.error.message)
    const revision = opened.value.revision
    const refused = { ok: false, error: { kind: 'locked' } }
    const { library, versions, assets } = services
    expect(await library.save(id, revision, fieldsOf(opened.value))).toMatchObject(refused)
    expect(await library.rename(id, revision, 'other')).toMatchObject(refused)
    expect(await library.trash(id)).toMatchObject(refused)
    expect(await library.discardUntouched(id)).toMatchObject(refused)
    expect(await versions.create(id, 'x')).toMatchObject(refused)
    expect(await assets.importImage(id, 'p.png', new Uint8Array(PNG))).toMatchObject(refused)
    expect(await library.open(id)).toMatchObject({ ok: true, value: { revision } })
  })
})

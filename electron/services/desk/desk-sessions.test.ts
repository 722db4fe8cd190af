import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { fieldsOf, type Article, type ArticleFields } from '../../../shared/article'
import { UNKNOWN_DESK_TOKEN } from '../../../shared/desk/desk-connection'
import type { DeskJoinAnswer, DeskSyncState } from '../../../shared/desk/desk-sync'
import { readStory, writeStory } from '../../../shared/desk/story-document'
import type { EventPayloads } from '../../../shared/ipc/contract'
import { dispatch } from '../../../shared/ipc/dispatch'
import type { Result } from '../../../shared/result'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'
import { SqliteDeskRecords } from './sqlite-desk-records'
import { startDeskServer, type RunningDeskServer } from './desk-server'
import { deskDatabasePath } from './sqlite-desk-storage'
import { DeskSessions } from './desk-sessions'
import { REPLICA_FILE } from './replica-file'
import { connectTestClient, eventually, type DeskTestClient } from './test-desk-client'

/** Network arrivals on a loaded two-core machine: generous, never asserted on. */
const WAIT_MS = 30_000

let temp: ReturnType<typeof makeTempDir>
let deskData: string
let server: RunningDeskServer | undefined
let port = 0
let machines: Machine[]
let clients: DeskTestClient[]

interface Machine {
  services: NodeServices
  desk: DeskSessions
  updates: EventPayloads['desk:update'][]
  syncs: EventPayloads['desk:sync'][]
  presence: EventPayloads['desk:presence'][]
  pictures: EventPayloads['desk:pictures'][]
}

async function startDesk(): Promise<RunningDeskServer> {
  server = await startDeskServer({
    storage: { dataDir: deskData },
    host: '127.0.0.1',
    port,
    log: () => {},
  })
  port = server.port
  return server
}

/** People are added as `copydesk desk-server add-person` adds them: in the desk's file. */
function addPerson(name: string, role: 'reporter' | 'editor' = 'reporter'): string {
  const records = SqliteDeskRecords.open(deskDatabasePath(deskData))
  try {
    return records.addPerson(name, role).token
  } finally {
    records.close()
  }
}

/**
 * One person's app: its own library and settings, with the desk's address and their token set
 * as Settings › Desk sets them. Sessions retry a lost desk quickly, so a test sees it return soon.
 */
async function machine(
  name: string,
  token: string | undefined,
  options: { confirmMs?: number; address?: string; writeDelayMs?: number; lingerMs?: number } = {},
): Promise<Machine> {
  const services = createTempServices(join(temp.path, name))
  await services.settings.update({ deskAddress: options.address ?? server?.url ?? '' })
  if (token) await services.deskToken.set(token)
  const desk = new DeskSessions({
    library: services.library,
    locks: services.locks,
    connection: () => ({
      address: services.settings.get().deskAddress,
      token: services.deskToken.get(),
    }),
    events: services.events,
    retry: { delayMs: 100, maxDelayMs: 500 },
    ...(options.confirmMs !== undefined && { confirmMs: options.confirmMs }),
    ...(options.writeDelayMs !== undefined && { writeDelayMs: options.writeDelayMs }),
    // Closed as soon as the last page leaves, unless a test says otherwise.
    lingerMs: options.lingerMs ?? 0,
  })
  const made: Machine = { services, desk, updates: [], syncs: [], presence: [], pictures: [] }
  services.events.subscribe((event, payload) => {
    if (event === 'desk:update') made.updates.push(payload as EventPayloads['desk:update'])
    if (event === 'desk:sync') made.syncs.push(payload as EventPayloads['desk:sync'])
    if (event === 'desk:presence') made.presence.push(payload as EventPayloads['desk:presence'])
    if (event === 'desk:pictures') made.pictures.push(payload as EventPayloads['desk:pictures'])
  })
  machines.push(made)
  return made
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

async function localStory(on: Machine, headline = 'Harbour bridge vote'): Promise<Article> {
  return value(
    await on.services.library.create({
      headline,
      standfirst: 'The council meets tonight.',
      byline: [{ name: 'Ana Lee' }],
      body: paragraph('Councillors vote on the harbour bridge tonight.'),
    }),
  )
}

function watch(story: string, token: string): DeskTestClient {
  if (!server) throw new Error('start the desk first')
  const client = connectTestClient(server.url, story, token)
  clients.push(client)
  return client
}

/** A page editing a shared story: its own Y.Doc, each change it makes pushed to main. */
function page(on: Machine, id: string, joined: DeskJoinAnswer) {
  if (!joined.shared) throw new Error('not shared')
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Buffer.from(joined.update, 'base64'))
  const pushes: Promise<Result<null>>[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'main') pushes.push(on.desk.push(id, Buffer.from(update).toString('base64')))
  })
  return {
    doc,
    edit: async (fields: Partial<ArticleFields>) => {
      writeStory(doc, { ...(readStory(doc) as ArticleFields), ...fields })
      return Promise.all(pushes.splice(0))
    },
    /** What main sends the page: changes from the desk. */
    receive: (update: string) => Y.applyUpdate(doc, Buffer.from(update, 'base64'), 'main'),
  }
}

/** Ana's story sent to the desk, and opened from it in Sam's library. */
async function storyOnTwoMachines() {
  await startDesk()
  const ana = await machine('ana', addPerson('Ana Lee'))
  const story = await localStory(ana)
  value(await ana.desk.send(story.id))
  const sam = await machine('sam', addPerson('Sam Roe', 'editor'))
  value(await sam.desk.openStory(story.id))
  return { ana, sam, story }
}

/** The story as its replica file holds it, read without touching the file. */
function replicaStory(folder: string): Record<string, unknown> {
  const bytes = readFileSync(join(folder, REPLICA_FILE))
  const doc = new Y.Doc()
  let offset = 'CDKYJS1\n'.length
  while (offset + 4 <= bytes.length) {
    const length = bytes.readUInt32LE(offset)
    if (offset + 4 + length > bytes.length) break
    Y.applyUpdate(doc, bytes.subarray(offset + 4, offset + 4 + length))
    offset += 4 + length
  }
  return readStory(doc)
}

const folderOf = async (on: Machine, id: string) => value(await on.services.library.folderOf(id))
const lastSync = (on: Machine, id: string): DeskSyncState | undefined =>
  on.syncs.filter((event) => event.id === id).at(-1)?.sync

beforeEach(() => {
  temp = makeTempDir('copydesk-desk-sessions-')
  deskData = join(temp.path, 'desk-data')
  port = 0
  machines = []
  clients = []
})

afterEach(async () => {
  clients.forEach((client) => client.destroy())
  await Promise.all(machines.map((on) => on.desk.close()))
  await Promise.all(machines.map((on) => on.services.close({ writeIndex: false })))
  await server?.stop()
  server = undefined
  await temp.remove()
})

describe('shared stories and the desk', () => {
  it('sends a local story to the desk, where everyone reads the same story', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)

    const sent = value(await ana.desk.send(story.id))
    expect(sent.id).toBe(story.id)
    expect(existsSync(join(await folderOf(ana, story.id), REPLICA_FILE))).toBe(true)

    const editor = watch(story.id, addPerson('Sam Roe', 'editor'))
    await editor.synced
    await eventually(() => readStory(editor.doc).headline === story.headline, 'the story', WAIT_MS)
    expect(readStory(editor.doc).body).toEqual(story.body)
    expect(readStory(editor.doc).byline).toEqual(story.byline)
  })

  it('brings a desk story into a second library, field for field', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))

    const sam = await machine('sam', addPerson('Sam Roe', 'editor'))
    const opened = value(await sam.desk.openStory(story.id))
    expect(fieldsOf(opened)).toEqual(fieldsOf(story))
    const onDisk = value(await sam.services.library.open(story.id))
    expect(fieldsOf(onDisk)).toEqual(fieldsOf(story))
    expect(existsSync(join(await folderOf(sam, story.id), REPLICA_FILE))).toBe(true)
    // Opening it again only brings it up to date.
    expect(fieldsOf(value(await sam.desk.openStory(story.id)))).toEqual(fieldsOf(story))
  })

  it('opens a story it has open already without reading or writing article.json unless it changed', async () => {
    const { sam, story } = await storyOnTwoMachines()
    const samPage = page(sam, story.id, value(await sam.desk.join(story.id, 'sam-window')))
    await eventually(() => lastSync(sam, story.id)?.kind === 'synced', 'Sam synced', WAIT_MS)
    value(await sam.desk.openStory(story.id))
    // Writing a shared story compares it with article.json first: 20,000 words cost tens of ms.
    const writes = vi.spyOn(sam.services.library, 'saveShared')
    value(await sam.desk.openStory(story.id))
    expect(writes).not.toHaveBeenCalled()

    const edited = await samPage.edit({ headline: 'Harbour bridge approved' })
    expect(edited.every((pushed) => pushed.ok)).toBe(true)
    expect(value(await sam.desk.openStory(story.id)).headline).toBe('Harbour bridge approved')
    expect(writes).toHaveBeenCalled()
  })

  it('carries a change from one page to the other machine’s page and article.json', async () => {
    const { ana, sam, story } = await storyOnTwoMachines()

    const anaPage = page(ana, story.id, value(await ana.desk.join(story.id, 'ana-window')))
    const samPage = page(sam, story.id, value(await sam.desk.join(story.id, 'sam-window')))
    await eventually(() => lastSync(ana, story.id)?.kind === 'synced', 'Ana synced', WAIT_MS)
    await eventually(() => lastSync(sam, story.id)?.kind === 'synced', 'Sam synced', WAIT_MS)

    const pushed = await anaPage.edit({ headline: 'Harbour bridge approved' })
    expect(pushed.every((result) => result.ok)).toBe(true)

    // Main sends Sam's page every change that came from the desk, as it comes.
    await eventually(
      () => {
        for (const { update } of sam.updates.splice(0)) samPage.receive(update)
        return readStory(samPage.doc).headline === 'Harbour bridge approved'
      },
      'the change on Sam’s page',
      WAIT_MS,
    )
    // Ana's own change is not sent back to her page.
    expect(ana.updates).toEqual([])
    let samArticle: Article | undefined
    await eventually(
      () => {
        void sam.services.library.open(story.id).then((opened) => {
          if (opened.ok) samArticle = opened.value
        })
        return samArticle?.headline === 'Harbour bridge approved'
      },
      'Sam’s article.json',
      WAIT_MS,
    )
    expect(samArticle?.revision).toBeGreaterThan(1)

    // The last page to leave writes article.json once more and ends the session.
    await anaPage.edit({ standfirst: 'Approved by seven votes to two.' })
    value(await ana.desk.leave(story.id, 'ana-window'))
    expect(ana.desk.sessionOf(story.id)).toBeUndefined()
    expect(value(await ana.services.library.open(story.id)).standfirst).toBe(
      'Approved by seven votes to two.',
    )
  })

  it('shows each person in the story to the others, under the name the desk knows', async () => {
    const { ana, sam, story } = await storyOnTwoMachines()
    value(await ana.desk.join(story.id, 'ana-window'))
    value(await sam.desk.join(story.id, 'sam-window'))

    // Ana's page calls her by her display name; the desk by the name it gave her.
    value(ana.desk.setPresence(story.id, { user: { name: 'Dana', color: '#0b5cad' } }))
    const samSees = new Awareness(new Y.Doc())
    const names = () =>
      [...samSees.getStates().values()].map((state) => (state.user as { name?: string })?.name)
    await eventually(
      () => {
        for (const { update } of sam.presence.splice(0))
          applyAwarenessUpdate(samSees, Buffer.from(update, 'base64'), 'main')
        return names().includes('Ana Lee')
      },
      'Ana in Sam’s story',
      WAIT_MS,
    )
    expect(names()).not.toContain('Dana')

    // Gone once she leaves.
    value(await ana.desk.leave(story.id, 'ana-window'))
    await eventually(
      () => {
        for (const { update } of sam.presence.splice(0))
          applyAwarenessUpdate(samSees, Buffer.from(update, 'base64'), 'main')
        return !names().includes('Ana Lee')
      },
      'Ana gone from Sam’s story',
      WAIT_MS,
    )
    // A story no longer joined takes no caret.
    expect(ana.desk.setPresence(story.id, null).ok).toBe(false)
  })

  it('keeps a story open while a page that opened it twice has left it once', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    // Opened at start and again by a click before the first open finished: two joins.
    value(await ana.desk.join(story.id, 'ana-tab'))
    value(await ana.desk.join(story.id, 'ana-tab'))
    value(await ana.desk.leave(story.id, 'ana-tab'))
    expect(ana.desk.isJoined(story.id)).toBe(true)
    value(await ana.desk.leave(story.id, 'ana-tab'))
    expect(ana.desk.isJoined(story.id)).toBe(false)
    // A tab that goes leaves every join it made.
    value(await ana.desk.join(story.id, 'ana-tab'))
    value(await ana.desk.join(story.id, 'ana-tab'))
    await ana.desk.leaveClient('ana-tab')
    expect(ana.desk.isJoined(story.id)).toBe(false)
  })

  it('passes each page’s changes to another page of the same app in the story', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    const firstTab = page(ana, story.id, value(await ana.desk.join(story.id, 'first-tab')))
    await firstTab.edit({ headline: 'Typed in the only tab' })
    // Alone in the story, a page is not sent back what it made.
    expect(ana.updates).toEqual([])

    const secondTab = page(ana, story.id, value(await ana.desk.join(story.id, 'second-tab')))
    await firstTab.edit({ headline: 'Typed in the first tab' })
    for (const { update } of ana.updates.splice(0)) secondTab.receive(update)
    expect(readStory(secondTab.doc).headline).toBe('Typed in the first tab')
  })

  it('keeps a story open a while after its last page leaves, for the next one to join', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'), { lingerMs: 300 })
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    value(await ana.desk.join(story.id, 'ana-tab'))
    const session = ana.desk.sessionOf(story.id)
    value(await ana.desk.leave(story.id, 'ana-tab'))

    // Back to it at once: the same session, still connected.
    value(await ana.desk.join(story.id, 'ana-tab'))
    expect(ana.desk.sessionOf(story.id)).toBe(session)
    value(await ana.desk.leave(story.id, 'ana-tab'))
    await eventually(
      () => ana.desk.sessionOf(story.id) === undefined,
      'the session to close',
      WAIT_MS,
    )
    expect(session?.isClosed).toBe(true)
  })

  it('answers a page that still holds the story with only what changed since', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    const first = value(await ana.desk.join(story.id, 'ana-tab'))
    const kept = page(ana, story.id, first).doc
    value(await ana.desk.leave(story.id, 'ana-tab'))
    // Another tab changes the story while the first is elsewhere.
    const other = page(ana, story.id, value(await ana.desk.join(story.id, 'ana-other-tab')))
    await other.edit({ headline: 'Harbour bridge approved' })
    value(await ana.desk.leave(story.id, 'ana-other-tab'))

    const again = value(await ana.desk.join(story.id, 'ana-tab', Y.encodeStateVector(kept)))
    if (!again.shared || !first.shared) throw new Error('not shared')
    expect(again.sinceStateVector).toBe(true)
    expect(again.update.length).toBeLessThan(first.update.length / 2)
    Y.applyUpdate(kept, Buffer.from(again.update, 'base64'))
    expect(readStory(kept)).toEqual(readStory(other.doc))
    expect((readStory(kept) as ArticleFields).headline).toBe('Harbour bridge approved')

    // A copy holding what main never had (another sharing of the story) gets the whole state.
    const foreign = new Y.Doc()
    foreign.getText('elsewhere').insert(0, 'not this story')
    const whole = value(await ana.desk.join(story.id, 'ana-tab', Y.encodeStateVector(foreign)))
    expect(whole.shared && whole.sinceStateVector).toBe(false)
  })

  it('brings article.json up to the changes kept before a crash, at the next start', async () => {
    await startDesk()
    const token = addPerson('Ana Lee')
    // Stopped before the write that follows a change: as if the app died within that moment.
    const crashed = await machine('ana', token, { writeDelayMs: 3_600_000 })
    const story = await localStory(crashed)
    value(await crashed.desk.send(story.id))
    const anaPage = page(crashed, story.id, value(await crashed.desk.join(story.id, 'ana-window')))
    await anaPage.edit({ headline: 'Harbour bridge approved' })
    expect(value(await crashed.services.library.open(story.id)).headline).toBe(story.headline)

    const restarted = new DeskSessions({
      library: crashed.services.library,
      locks: crashed.services.locks,
      connection: () => ({ address: '', token: undefined }),
    })
    try {
      expect(await restarted.catchUp()).toEqual([story.id])
      expect(value(await crashed.services.library.open(story.id)).headline).toBe(
        'Harbour bridge approved',
      )
      // Once caught up, nothing is written again.
      expect(await restarted.catchUp()).toEqual([])
    } finally {
      await restarted.close()
    }
  })

  it('keeps changes made while the desk is down, and sends them when it is back', async () => {
    await startDesk()
    const token = addPerson('Ana Lee')
    const ana = await machine('ana', token)
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    const anaPage = page(ana, story.id, value(await ana.desk.join(story.id, 'ana-window')))
    await eventually(() => lastSync(ana, story.id)?.kind === 'synced', 'synced', WAIT_MS)

    await server?.stop()
    server = undefined
    await eventually(() => lastSync(ana, story.id)?.kind === 'offline', 'offline', WAIT_MS)
    const pushed = await anaPage.edit({ headline: 'Written offline', keywords: ['harbour'] })
    expect(pushed.length).toBeGreaterThan(0)
    expect(pushed.every((result) => result.ok)).toBe(true)
    const kept = replicaStory(await folderOf(ana, story.id))
    expect(kept.headline).toBe('Written offline')
    expect(kept.keywords).toEqual(['harbour'])

    await startDesk()
    await eventually(() => lastSync(ana, story.id)?.kind === 'synced', 'synced again', WAIT_MS)
    const reader = watch(story.id, token)
    await reader.synced
    await eventually(
      () => readStory(reader.doc).headline === 'Written offline',
      'the offline change on the desk',
      WAIT_MS,
    )
    expect(readStory(reader.doc).keywords).toEqual(['harbour'])
  })

  it('puts back a status move the desk refused, so what is typed next still reaches it', async () => {
    await startDesk()
    const token = addPerson('Ana Lee', 'reporter')
    const ana = await machine('ana', token)
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    const anaPage = page(ana, story.id, value(await ana.desk.join(story.id, 'ana-window')))
    const synced = () => lastSync(ana, story.id)?.kind === 'synced'
    await anaPage.edit({ status: 'filed' })
    await eventually(synced, 'filed on the desk', WAIT_MS)

    // A reporter may not sub her own story.
    await anaPage.edit({ status: 'subbed' })
    await eventually(
      () => {
        for (const { update } of ana.updates.splice(0)) anaPage.receive(update)
        return readStory(anaPage.doc).status === 'filed'
      },
      'the status back on her page',
      WAIT_MS,
    )
    expect(lastSync(ana, story.id)).toEqual({
      kind: 'refused',
      message: expect.stringMatching(/subbed/),
    })

    await anaPage.edit({ headline: 'Bridge vote delayed' })
    const reader = watch(story.id, token)
    await reader.synced
    await eventually(
      () => readStory(reader.doc).headline === 'Bridge vote delayed',
      'her next change on the desk',
      WAIT_MS,
    )
    expect(readStory(reader.doc).status).toBe('filed')
    await eventually(synced, 'synced after the refusal', WAIT_MS)
  })

  it('says the desk refused a token it does not know, and leaves an unsent story local', async () => {
    await startDesk()
    const token = addPerson('Ana Lee')
    const stranger = await machine('stranger', 'cdk_not-a-token')
    const local = await localStory(stranger)
    expect(await stranger.desk.send(local.id)).toEqual({
      ok: false,
      error: { kind: 'permission-denied', message: UNKNOWN_DESK_TOKEN },
    })
    expect(existsSync(join(await folderOf(stranger, local.id), REPLICA_FILE))).toBe(false)
    expect(await stranger.desk.join(local.id, 'window')).toEqual({
      ok: true,
      value: { shared: false },
    })

    // A shared story whose token is then removed, or replaced by a wrong one.
    const ana = await machine('ana', token)
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    value(await ana.desk.join(story.id, 'ana-window'))
    await eventually(() => lastSync(ana, story.id)?.kind === 'synced', 'synced', WAIT_MS)
    await ana.services.deskToken.set('cdk_wrong')
    ana.desk.connectionChanged()
    await eventually(() => lastSync(ana, story.id)?.kind === 'refused', 'the refusal', WAIT_MS)
    expect(lastSync(ana, story.id)).toEqual({ kind: 'refused', message: UNKNOWN_DESK_TOKEN })
  })

  it('says why the desk refused a story it was sent, and leaves it local', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    const subbed = value(
      await ana.services.library.save(story.id, story.revision, {
        ...fieldsOf(story),
        status: 'filed',
      }),
    )
    value(
      await ana.services.library.save(story.id, subbed.revision, {
        ...fieldsOf(subbed),
        status: 'subbed',
      }),
    )
    expect(await ana.desk.send(story.id)).toEqual({
      ok: false,
      error: {
        kind: 'invalid-request',
        message:
          'The desk refused the story: A reporter sends the desk stories in draft or filed; this one is subbed, which is for an editor or a producer.',
      },
    })
    expect(existsSync(join(await folderOf(ana, story.id), REPLICA_FILE))).toBe(false)
  })

  it('fails a send to a desk that cannot be reached, leaving the story as it was', async () => {
    // A port nothing listens on: a desk started and stopped.
    await startDesk()
    const address = server?.url ?? ''
    await server?.stop()
    server = undefined
    const ana = await machine('ana', 'cdk_any', { address, confirmMs: 2_000 })
    const story = await localStory(ana)
    const folder = await folderOf(ana, story.id)
    const before = readdirSync(folder).sort()

    const sent = await ana.desk.send(story.id)
    expect(sent).toMatchObject({
      ok: false,
      error: {
        kind: 'io',
        message: `The desk server at ${address} cannot be reached. Check that you are online and the address in Settings › Desk.`,
      },
    })
    expect(readdirSync(folder).sort()).toEqual(before)
    expect(await ana.desk.openStory('5a0c4f52-8a36-4a8e-9c51-6f8e2b7d1c03')).toMatchObject({
      ok: false,
      error: { kind: 'io' },
    })
    expect(existsSync(join(ana.services.library.root, '.incoming-5a0c4f52'))).toBe(false)
  })

  it('asks for an address and a token before anything goes to the desk', async () => {
    const ana = await machine('ana', undefined, { address: '' })
    const story = await localStory(ana)
    expect(await ana.desk.send(story.id)).toEqual({
      ok: false,
      error: {
        kind: 'invalid-request',
        message: 'No desk address is set. Add it in Settings › Desk.',
      },
    })
    await ana.services.settings.update({ deskAddress: 'ws://127.0.0.1:9' })
    expect(await ana.desk.openStory(story.id)).toMatchObject({
      ok: false,
      error: { kind: 'permission-denied', message: expect.stringMatching(/No desk token is set/) },
    })
  })

  it('answers a join on a story that is not shared from its folder alone, creating nothing', async () => {
    const ana = await machine('ana', undefined, { address: '' })
    const story = await localStory(ana)
    const folder = await folderOf(ana, story.id)
    const before = readdirSync(folder).sort()
    const joined = await dispatch(ana.services, 'desk:join', { id: story.id }, { client: 'w1' })
    expect(joined).toEqual({ ok: true, value: { shared: false } })
    expect(readdirSync(folder).sort()).toEqual(before)
    expect(await dispatch(ana.services, 'desk:push', { id: story.id, update: 'AAA=' })).toEqual({
      ok: false,
      error: {
        kind: 'invalid-request',
        message: 'This story is not open for shared editing here; open it again.',
      },
    })
    expect(await dispatch(ana.services, 'desk:leave', { id: story.id }, { client: 'w1' })).toEqual({
      ok: true,
      value: null,
    })
  })

  it('refuses a change it cannot read, and keeps writing with no desk set', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    // The address is forgotten: the story stays shared, edited offline.
    await ana.services.settings.update({ deskAddress: '' })
    const anaPage = page(ana, story.id, value(await ana.desk.join(story.id, 'ana-window')))
    expect(lastSync(ana, story.id)).toEqual({
      kind: 'offline',
      reason: 'No desk address is set. Add it in Settings › Desk.',
    })
    const session = ana.desk.sessionOf(story.id)
    const before = Y.encodeStateVector(session?.doc ?? new Y.Doc())
    expect(
      await ana.desk.push(story.id, Buffer.from('not a yjs update').toString('base64')),
    ).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    expect(Y.encodeStateVector(session?.doc ?? new Y.Doc())).toEqual(before)

    expect((await anaPage.edit({ headline: 'Still writing' })).every((r) => r.ok)).toBe(true)
    // Closing the app writes article.json and ends every session.
    await ana.desk.close()
    expect(ana.desk.sessionOf(story.id)).toBeUndefined()
    expect(value(await ana.services.library.open(story.id)).headline).toBe('Still writing')
  })

  it('serves the desk channels, and closes every session when the app’s services close', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const { services } = ana
    const story = await localStory(ana)
    expect(await dispatch(services, 'desk:send', { id: story.id })).toMatchObject({ ok: true })
    const joined = await dispatch(services, 'desk:join', { id: story.id }, { client: 'tab' })
    const pageDoc = new Y.Doc()
    Y.applyUpdate(
      pageDoc,
      Buffer.from(value(joined as Result<{ update: string }>).update, 'base64'),
    )
    const before = Y.encodeStateVector(pageDoc)
    writeStory(pageDoc, { ...(readStory(pageDoc) as ArticleFields), headline: 'Last words' })
    const update = Buffer.from(Y.encodeStateAsUpdate(pageDoc, before)).toString('base64')
    expect(await dispatch(services, 'desk:push', { id: story.id, update })).toEqual({
      ok: true,
      value: null,
    })

    await services.close({ writeIndex: false })
    expect(services.desk.sessionOf(story.id)).toBeUndefined()
    const written = JSON.parse(
      readFileSync(join(await folderOf(ana, story.id), 'article.json'), 'utf8'),
    ) as { headline: string }
    expect(written.headline).toBe('Last words')
  })

  it('writes article.json as the window that holds the story’s lock', async () => {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    value(await ana.desk.send(story.id))
    expect(value(await ana.services.locks.acquire(story.id, 'ana-window'))).toEqual({
      editable: true,
    })
    const anaPage = page(ana, story.id, value(await ana.desk.join(story.id, 'ana-window')))
    await anaPage.edit({ headline: 'Written under the lock' })
    let headline = ''
    await eventually(
      () => {
        void ana.services.library.open(story.id).then((opened) => {
          if (opened.ok) headline = opened.value.headline
        })
        return headline === 'Written under the lock'
      },
      'article.json',
      WAIT_MS,
    )
    // The window still holds its lock: main's write went through it, not around it.
    expect(ana.services.locks.holds(story.id, 'ana-window')).toBe(true)
  })
})

describe('pictures of shared stories', () => {
  /** A real picture, as the person inserts it into the story: kept in the story's assets/. */
  async function insertPicture(on: Machine, id: string, colour: string) {
    const { default: sharp } = await import('sharp')
    const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: colour } })
      .png()
      .toBuffer()
    const { src } = value(await on.services.assets.importImage(id, 'bridge.png', bytes))
    return { bytes, src, name: src.replace('assets/', '') }
  }

  const withFigure = (src: string, caption: string) => ({
    type: 'doc',
    content: [
      {
        type: 'figure',
        attrs: { src, alt: 'The harbour bridge at dawn', credit: 'Jo Smith', lead: true },
        content: [{ type: 'text', text: caption }],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Councillors vote tonight.' }] },
    ],
  })

  /** Ana's local story, with a picture she inserted at its top. */
  async function localStoryWithPicture() {
    await startDesk()
    const ana = await machine('ana', addPerson('Ana Lee'))
    const story = await localStory(ana)
    const picture = await insertPicture(ana, story.id, '#c03')
    value(
      await ana.services.library.save(story.id, story.revision, {
        ...fieldsOf(story),
        body: withFigure(picture.src, 'The bridge at dawn'),
      }),
    )
    return { ana, story, picture }
  }

  const pictureIn = async (on: Machine, id: string, name: string) => {
    try {
      return readFileSync(join(await folderOf(on, id), 'assets', name))
    } catch {
      return undefined
    }
  }

  it('sends a story’s pictures with it, and brings them into the library that opens it', async () => {
    const { ana, story, picture } = await localStoryWithPicture()

    value(await ana.desk.send(story.id))
    const sam = await machine('sam', addPerson('Sam Roe', 'editor'))
    const opened = value(await sam.desk.openStory(story.id))

    expect(opened.body.content?.[0]?.attrs?.src).toBe(picture.src)
    expect(await pictureIn(sam, story.id, picture.name)).toEqual(picture.bytes)
  })

  it('carries a picture added while the story is open to the other machine, and says so', async () => {
    const { ana, sam, story } = await storyOnTwoMachines()
    const anaPage = page(ana, story.id, value(await ana.desk.join(story.id, 'ana-window')))
    value(await sam.desk.join(story.id, 'sam-window'))
    await eventually(() => lastSync(sam, story.id)?.kind === 'synced', 'Sam synced', WAIT_MS)

    const picture = await insertPicture(ana, story.id, '#03c')
    await anaPage.edit({ body: withFigure(picture.src, 'Queues on the bridge') })

    await eventually(
      () => sam.pictures.some((news) => news.id === story.id && news.names.includes(picture.name)),
      'the picture’s arrival on Sam’s machine',
      WAIT_MS,
    )
    expect(await pictureIn(sam, story.id, picture.name)).toEqual(picture.bytes)
  })

  it('leaves a story local when its picture cannot go to the desk, and says which', async () => {
    const { ana, story, picture } = await localStoryWithPicture()
    // The file was damaged on disk after it was inserted: no longer the picture its name says.
    const other = await insertPicture(ana, story.id, '#0c3')
    const folder = await folderOf(ana, story.id)
    copyFileSync(join(folder, other.src), join(folder, picture.src))

    const sent = await ana.desk.send(story.id)
    expect(sent).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining(
          `The story was not sent: its picture ${picture.name} could not go to the desk (The bytes sent are not the picture`,
        ),
      },
    })
    expect(existsSync(join(folder, REPLICA_FILE))).toBe(false)
  })
})

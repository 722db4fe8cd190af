import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArticle, fieldsOf, type ArticleFields } from '../../../shared/article'
import { DeskHealthSchema } from '../../../shared/desk/desk-health'
import { DeskStoryListSchema, type DeskStoryList } from '../../../shared/desk/desk-story-list'
import { readStory, STORY_PARTS, writeStory } from '../../../shared/desk/story-document'
import type { onRequestPayload } from '@hocuspocus/server'
import { deskHealthCheck } from './desk-health-check'
import { SqliteDeskRecords } from './sqlite-desk-records'
import { startDeskServer, type RunningDeskServer } from './desk-server'
import { deskDatabasePath } from './sqlite-desk-storage'
import { connectTestClient, eventually, type DeskTestClient } from './test-desk-client'

const STORY = '6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'

let dataDir: string
let server: RunningDeskServer | undefined
let clients: DeskTestClient[]
let log: string[]

const story = (input: Partial<ArticleFields> = {}): ArticleFields =>
  fieldsOf(createArticle({ headline: 'Harbour bridge vote', ...input }, STORY, new Date()))

async function start(maxMessageBytes?: number): Promise<RunningDeskServer> {
  server = await startDeskServer({
    storage: { dataDir },
    host: '127.0.0.1',
    port: 0,
    log: (line) => log.push(line),
    ...(maxMessageBytes !== undefined && { maxMessageBytes }),
  })
  return server
}

/** People are added as `copydesk desk-server add-person` adds them: in the same file. */
function addPerson(name: string, role: 'reporter' | 'editor' | 'producer'): string {
  const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
  try {
    return records.addPerson(name, role).token
  } finally {
    records.close()
  }
}

function connect(token: string, name = STORY): DeskTestClient {
  if (!server) throw new Error('start the server first')
  const client = connectTestClient(server.url, name, token)
  clients.push(client)
  return client
}

/** A story the reporter has sent to the desk, as everyone's copy holds it once synced. */
async function sharedStory(token: string, fields: ArticleFields): Promise<DeskTestClient> {
  const client = connect(token)
  await client.synced
  writeStory(client.doc, fields)
  await eventually(() => client.provider.unsyncedChanges === 0, 'the story to reach the desk')
  return client
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'copydesk-desk-'))
  clients = []
  log = []
})

afterEach(async () => {
  clients.forEach((client) => client.destroy())
  await server?.stop()
  server = undefined
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the desk server', () => {
  it('shares every field of a story live between two people', async () => {
    await start()
    const reporter = await sharedStory(addPerson('Ana Lee', 'reporter'), story())
    const editor = connect(addPerson('Sam Roe', 'editor'))
    await editor.synced
    await eventually(() => readStory(editor.doc).headline === 'Harbour bridge vote', 'the story')

    writeStory(editor.doc, { ...story(), headline: 'Harbour bridge approved', keywords: ['port'] })
    await eventually(
      () => readStory(reporter.doc).headline === 'Harbour bridge approved',
      'the editor’s headline',
    )
    expect(readStory(reporter.doc).keywords).toEqual(['port'])
  })

  it('shows each person under the desk’s name for them, whatever the client claims', async () => {
    await start()
    const reporter = await sharedStory(addPerson('Ana Lee', 'reporter'), story())
    const editor = connect(addPerson('Sam Roe', 'editor'))
    await editor.synced
    editor.provider.setAwarenessField('user', { name: 'Someone Else', color: '#d33' })
    const names = () =>
      [...(reporter.provider.awareness?.getStates().values() ?? [])].map(
        (state) => (state.user as { name?: string } | undefined)?.name,
      )
    await eventually(() => names().includes('Sam Roe'), 'the editor’s caret name')
    expect(names()).not.toContain('Someone Else')
  })

  it('refuses a wrong or removed token, and a document that is not a story', async () => {
    await start()
    const wrong = connect('cdk_not-a-token')
    await eventually(() => wrong.refusals.length > 0, 'the refusal')
    expect(wrong.refusals[0]).toMatch(/does not know your token/)

    const token = addPerson('Ana Lee', 'reporter')
    const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
    records.removePerson('ana lee')
    records.close()
    const removed = connect(token)
    await eventually(() => removed.refusals.length > 0, 'the refusal')
    expect(removed.refusals[0]).toMatch(/does not know your token, or it was removed/)

    const elsewhere = connect(addPerson('Sam Roe', 'editor'), 'secrets')
    await eventually(() => elsewhere.refusals.length > 0, 'the refusal')
    expect(elsewhere.refusals[0]).toMatch(/no document called “secrets”/)
  })

  it('lets a reporter file a story but not move it on, and records who moved it', async () => {
    await start()
    const reporterToken = addPerson('Ana Lee', 'reporter')
    const reporter = await sharedStory(reporterToken, story())
    writeStory(reporter.doc, story({ status: 'filed' }))
    await eventually(() => reporter.provider.unsyncedChanges === 0, 'filing')

    writeStory(reporter.doc, story({ status: 'subbed' }))
    await eventually(() => reporter.refusedChanges.length > 0, 'the refusal')
    expect(reporter.refusedChanges[0]).toMatchObject({
      problem: 'not-allowed',
      reason: expect.stringMatching(
        /moving it from filed to subbed is for an editor or a producer/,
      ),
    })
    reporter.destroy()

    const editor = connect(addPerson('Sam Roe', 'editor'))
    await editor.synced
    expect(readStory(editor.doc).status).toBe('filed')
    writeStory(editor.doc, story({ status: 'subbed' }))
    await eventually(() => editor.provider.unsyncedChanges === 0, 'subbing')

    await server?.stop()
    const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
    const changes = records.statusChanges(STORY)
    records.close()
    expect(changes.map(({ from, to, personName }) => [from, to, personName])).toEqual([
      ['draft', 'filed', 'Ana Lee'],
      ['filed', 'subbed', 'Sam Roe'],
    ])
  })

  it('refuses a change that does not fit the article schema and keeps the story as it was', async () => {
    await start()
    await sharedStory(addPerson('Ana Lee', 'reporter'), story())
    const editor = connect(addPerson('Sam Roe', 'editor'))
    await editor.synced
    editor.doc.transact(() => {
      editor.doc.getMap(STORY_PARTS.details).set('status', 'lost')
      editor.doc.getXmlFragment(STORY_PARTS.body).insert(0, [new Y.XmlElement('marquee')])
    })
    await eventually(() => editor.refusedChanges.length > 0, 'the refusal')
    expect(editor.refusedChanges[0]).toMatchObject({
      problem: 'invalid-story',
      reason: expect.stringMatching(/does not fit the article schema: status/),
    })
    expect(log.join('\n')).toMatch(/Refused a change to .* from Sam Roe: The story does not fit/)
    editor.destroy()

    const later = connect(addPerson('Kim Ode', 'producer'))
    await later.synced
    expect(readStory(later.doc).status).toBe('draft')
    expect(JSON.stringify(readStory(later.doc).body)).not.toContain('marquee')
  })

  it('refuses to empty a story', async () => {
    await start()
    await sharedStory(addPerson('Ana Lee', 'reporter'), story({ headline: 'Still here' }))
    const editor = connect(addPerson('Sam Roe', 'editor'))
    await editor.synced
    editor.doc.transact(() => {
      editor.doc.getMap(STORY_PARTS.details).clear()
      const body = editor.doc.getXmlFragment(STORY_PARTS.body)
      body.delete(0, body.length)
    })
    await eventually(() => editor.refusedChanges.length > 0, 'the refusal')
    editor.destroy()

    const later = connect(addPerson('Kim Ode', 'producer'))
    await later.synced
    expect(readStory(later.doc).headline).toBe('Still here')
    expect(readStory(later.doc).status).toBe('draft')
  })

  it('refuses a message larger than the desk takes', async () => {
    await start(64 * 1024)
    const reporter = connect(addPerson('Ana Lee', 'reporter'))
    await reporter.synced
    writeStory(reporter.doc, story({ standfirst: 'word '.repeat(20_000) }))
    await eventually(() => reporter.socketCloses.includes(1009), 'the refusal')
  })

  it('lists the desk’s stories with who is in each, for people with a token', async () => {
    await start()
    const token = addPerson('Ana Lee', 'reporter')
    await sharedStory(token, story({ headline: 'Ferry strike called off' }))
    const storyList = async (authorization: string) => {
      const response = await fetch(`${server?.url.replace('ws:', 'http:')}/stories`, {
        headers: { authorization },
      })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    expect((await storyList('Bearer cdk_wrong')).status).toBe(401)

    // A story enters the list when the desk stores it, two seconds after its last change.
    let stories: DeskStoryList['stories'] = []
    for (const deadline = Date.now() + 15_000; stories.length === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      stories = DeskStoryListSchema.parse((await storyList(`Bearer ${token}`)).body).stories
    }
    expect(stories).toEqual([
      {
        id: STORY,
        headline: 'Ferry strike called off',
        status: 'draft',
        updatedAt: expect.any(String),
        updatedBy: 'Ana Lee',
        present: ['Ana Lee'],
      },
    ])
  })

  it('keeps every story through a restart', async () => {
    await start()
    const token = addPerson('Ana Lee', 'reporter')
    await sharedStory(token, story({ headline: 'Kept through a restart' }))
    clients.forEach((client) => client.destroy())
    await server?.stop()

    await start()
    const again = connect(token)
    await again.synced
    expect(readStory(again.doc).headline).toBe('Kept through a restart')
  })
})

describe('the desk’s pictures', () => {
  /** A real picture, named as every library names it: its content's hash and its format. */
  async function picture(colour: string) {
    const { default: sharp } = await import('sharp')
    const bytes = await sharp({
      create: { width: 8, height: 8, channels: 3, background: colour },
    })
      .png()
      .toBuffer()
    return { bytes, name: `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.png` }
  }

  const ask = (name: string, token: string, init: RequestInit = {}) =>
    fetch(`${server?.url.replace('ws:', 'http:')}/pictures/${name}`, {
      ...init,
      headers: { authorization: `Bearer ${token}` },
    })

  it('keeps a picture sent by anyone with a token and gives it back byte for byte', async () => {
    await start()
    const reporter = addPerson('Ana Lee', 'reporter')
    const producer = addPerson('Pat Kim', 'producer')
    const { bytes, name } = await picture('#c03')

    expect((await ask(name, producer, { method: 'HEAD' })).status).toBe(404)
    expect((await ask(name, reporter, { method: 'PUT', body: bytes })).status).toBe(201)
    // Sending it again keeps the one the desk has.
    expect((await ask(name, reporter, { method: 'PUT', body: bytes })).status).toBe(200)

    const fetched = await ask(name, producer)
    expect(fetched.status).toBe(200)
    expect(fetched.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes)
    expect(readFileSync(join(dataDir, 'pictures', name))).toEqual(bytes)
    expect(log).toContain(`Ana Lee sent the picture ${name} (0.0 MB)`)
  })

  it('refuses a wrong token, bytes that are not the named picture, and names it does not keep', async () => {
    await start()
    const token = addPerson('Ana Lee', 'reporter')
    const red = await picture('#c03')
    const blue = await picture('#03c')

    const wrongToken = await ask(red.name, 'cdk_wrong', { method: 'PUT', body: red.bytes })
    expect(wrongToken.status).toBe(401)
    expect(await wrongToken.text()).toMatch(/does not know your token/)

    const otherBytes = await ask(red.name, token, { method: 'PUT', body: blue.bytes })
    expect(otherBytes.status).toBe(422)
    expect(await otherBytes.text()).toMatch(/not the picture .* named after its content/)

    const notAPicture = Buffer.from('These are the minutes of the council meeting.')
    const named = `${createHash('sha256').update(notAPicture).digest('hex').slice(0, 32)}.png`
    const refused = await ask(named, token, { method: 'PUT', body: notAPicture })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toMatch(/not an image Copydesk can use/)

    expect((await ask('..%2Fdesk.sqlite', token)).status).toBe(404)
    expect((await ask('notes.txt', token, { method: 'PUT', body: 'x' })).status).toBe(404)
    expect(existsSync(join(dataDir, 'pictures', red.name))).toBe(false)
    expect(existsSync(join(dataDir, 'pictures', named))).toBe(false)
  })
})

describe('the desk’s health', () => {
  const health = async () => {
    const response = await fetch(`${server?.url.replace('ws:', 'http:')}/health`)
    return { status: response.status, body: DeskHealthSchema.parse(await response.json()) }
  }

  it('says, without a token, that it is up, with its open stories and connections', async () => {
    await start()
    expect(await health()).toEqual({
      status: 200,
      body: {
        state: 'ok',
        storage: { kind: 'sqlite', reachable: true },
        openStories: 0,
        connections: 0,
      },
    })
    await sharedStory(addPerson('Ana Lee', 'reporter'), story())
    expect((await health()).body).toMatchObject({ state: 'ok', openStories: 1, connections: 1 })
  })

  it('answers 503 when its storage does not answer, so a load balancer sends nobody to it', async () => {
    const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
    records.close()
    const answer = { status: 0, body: '' }
    const response = {
      writeHead: (status: number) => (answer.status = status),
      end: (body: string) => (answer.body = body),
    }
    const check = deskHealthCheck({ kind: 'sqlite', records })
    await check
      .onRequest?.({
        request: { url: '/health' },
        response,
        instance: { getDocumentsCount: () => 0, getConnectionsCount: () => 0 },
      } as unknown as onRequestPayload)
      .catch((stop: unknown) => expect(stop).toBeNull())
    expect(answer.status).toBe(503)
    expect(JSON.parse(answer.body)).toMatchObject({
      state: 'unwell',
      storage: { kind: 'sqlite', reachable: false },
    })
  })
})

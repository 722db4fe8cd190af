import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle, fieldsOf } from '../../../shared/article'
import { UNKNOWN_DESK_TOKEN } from '../../../shared/desk/desk-connection'
import type { DeskStory } from '../../../shared/desk/desk-story-list'
import { writeStory } from '../../../shared/desk/story-document'
import { fetchDeskStories } from './desk-client'
import { SqliteDeskRecords } from './sqlite-desk-records'
import { startDeskServer, type RunningDeskServer } from './desk-server'
import { deskDatabasePath } from './sqlite-desk-storage'
import { connectTestClient, type DeskTestClient } from './test-desk-client'

const STORY = '3b5d7f9a-2c4e-4f6a-8b0c-1d2e3f4a5b6c'

let dataDir: string
let desk: RunningDeskServer | undefined
let clients: DeskTestClient[]
let others: Server[]

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'copydesk-desk-client-'))
  clients = []
  others = []
})

afterEach(async () => {
  clients.forEach((client) => client.destroy())
  await desk?.stop()
  desk = undefined
  others.forEach((server) => server.closeAllConnections())
  await Promise.all(
    others.map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))),
  )
  rmSync(dataDir, { recursive: true, force: true })
})

/** A real desk server on a free loopback port, with its data in a temp folder. */
async function startDesk(): Promise<RunningDeskServer> {
  desk = await startDeskServer({
    storage: { dataDir },
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
  })
  return desk
}

/** As `copydesk desk-server add-person` adds a person: in the desk's file. */
function addPerson(name: string): string {
  const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
  try {
    return records.addPerson(name, 'reporter').token
  } finally {
    records.close()
  }
}

/** Something at an address that is not a desk: a web server of another kind, or one that never answers. */
async function otherServer(answer?: (respond: (status: number, body: string) => void) => void) {
  const server = createServer((_request, response) =>
    answer?.((status, body) => {
      response.writeHead(status, { 'Content-Type': 'text/html' })
      response.end(body)
    }),
  )
  others.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('the desk’s story list, from the app’s side', () => {
  it('lists the stories on the desk, with who is in each now', async () => {
    const { url } = await startDesk()
    const token = addPerson('Ana Lee')
    const reporter = connectTestClient(url, STORY, token)
    clients.push(reporter)
    await reporter.synced
    writeStory(
      reporter.doc,
      fieldsOf(createArticle({ headline: 'Night ferry cancelled' }, STORY, new Date())),
    )

    // The desk lists a story once it has stored it, two seconds after its last change.
    let stories: DeskStory[] = []
    for (const deadline = Date.now() + 30_000; stories.length === 0 && Date.now() < deadline;) {
      const listed = await fetchDeskStories({ address: url, token })
      if (!listed.ok) throw new Error(listed.error.message)
      stories = listed.value.stories
      if (stories.length === 0) await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(stories).toEqual([
      {
        id: STORY,
        headline: 'Night ferry cancelled',
        status: 'draft',
        updatedAt: expect.any(String),
        updatedBy: 'Ana Lee',
        present: ['Ana Lee'],
      },
    ])
    // The same list at the address's http form.
    const overHttp = await fetchDeskStories({ address: url.replace('ws:', 'http:'), token })
    expect(overHttp.ok && overHttp.value.stories.map(({ id }) => id)).toEqual([STORY])
  })

  it('answers an empty desk with an empty list', async () => {
    const { url } = await startDesk()
    expect(await fetchDeskStories({ address: url, token: addPerson('Sam Roe') })).toEqual({
      ok: true,
      value: { stories: [] },
    })
  })

  it('says plainly when the desk does not know the token, or it was removed', async () => {
    const { url } = await startDesk()
    expect(await fetchDeskStories({ address: url, token: 'cdk_not-a-token' })).toEqual({
      ok: false,
      error: { kind: 'permission-denied', message: UNKNOWN_DESK_TOKEN },
    })
    const token = addPerson('Ana Lee')
    const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
    records.removePerson('Ana Lee')
    records.close()
    const removed = await fetchDeskStories({ address: url, token })
    expect(!removed.ok && removed.error.message).toBe(UNKNOWN_DESK_TOKEN)
  })

  it('says plainly when no address or token is set', async () => {
    const none = await fetchDeskStories({ address: '', token: 'cdk_x' })
    expect(!none.ok && none.error.message).toMatch(/No desk address is set/)
    const { url } = await startDesk()
    const tokenless = await fetchDeskStories({ address: url, token: undefined })
    expect(!tokenless.ok && tokenless.error.message).toMatch(/No desk token is set/)
  })

  it('says plainly when the desk server cannot be reached', async () => {
    const { url } = await startDesk()
    await desk?.stop()
    desk = undefined
    const down = await fetchDeskStories({ address: url, token: 'cdk_x' })
    expect(down).toMatchObject({ ok: false, error: { kind: 'io' } })
    expect(!down.ok && down.error.message).toBe(
      `The desk server at ${url} cannot be reached. Check that you are online and the address in Settings › Desk.`,
    )
  })

  it('asks the next of several addresses when one cannot be reached', async () => {
    const token = addPerson('Ana Lee')
    const { url } = await startDesk()
    const gone = await otherServer()
    others.forEach((server) => server.close())
    others = []
    const listed = await fetchDeskStories({ address: `${gone}, ${url}`, token })
    expect(listed).toEqual({ ok: true, value: { stories: [] } })
  })

  it('gives up on a server that never answers, and says so', async () => {
    const silent = await otherServer()
    const answer = await fetchDeskStories({ address: silent, token: 'cdk_x' }, { timeoutMs: 300 })
    expect(!answer.ok && answer.error.message).toMatch(
      /^The desk server at http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.3 seconds\./,
    )
  })

  it('says plainly when the address is not a desk server', async () => {
    const page = await otherServer((respond) => respond(200, '<html>A newsroom intranet</html>'))
    const notFound = await otherServer((respond) => respond(404, 'Not found'))
    const json = await otherServer((respond) => respond(200, '{"stories":[{"id":1}]}'))
    for (const address of [page, notFound, json]) {
      const answer = await fetchDeskStories({ address, token: 'cdk_x' })
      expect(answer).toMatchObject({ ok: false, error: { kind: 'io' } })
      expect(!answer.ok && answer.error.message).toBe(
        `${address} answered, but not as a Copydesk desk server does. Check the address in Settings › Desk.`,
      )
    }
  })
})

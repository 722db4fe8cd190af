import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createArticle, fieldsOf, type ArticleFields } from '../../../shared/article'
import { DeskStoryListSchema } from '../../../shared/desk/desk-story-list'
import { readStory, writeStory } from '../../../shared/desk/story-document'
import {
  POSTGRES_MISSING,
  startPostgres,
  type PostgresProcess,
} from '../../../e2e/postgres-process'
import { migrateSqliteDeskToPostgres } from './desk-migration'
import { startDeskServer, type RunningDeskServer } from './desk-server'
import { openDeskStorage, type DeskStorage } from './desk-storage'
import { DESK_SCHEMA_VERSION } from './postgres-desk-schema'
import { connectTestClient, eventually, type DeskTestClient } from './test-desk-client'

// A real PostgreSQL (Debian's, started in a temporary folder), one fresh database per test.

const STORY = '2b7e1c4d-5a6f-4b8c-9d0e-1f2a3b4c5d6e'

let postgres: PostgresProcess
let database: string
let temp: string
let opened: DeskStorage[]
let servers: RunningDeskServer[]
let clients: DeskTestClient[]

describe.skipIf(POSTGRES_MISSING)(
  `a desk kept in PostgreSQL${POSTGRES_MISSING ? ` (skipped: ${POSTGRES_MISSING})` : ''}`,
  () => {
    beforeAll(async () => {
      postgres = await startPostgres()
    })
    afterAll(() => postgres?.stop())

    beforeEach(async () => {
      database = await postgres.newDatabase()
      temp = mkdtempSync(join(tmpdir(), 'copydesk-postgres-desk-'))
      opened = []
      servers = []
      clients = []
    })

    afterEach(async () => {
      clients.forEach((client) => client.destroy())
      await Promise.all(servers.map((server) => server.stop()))
      await Promise.all(opened.map((storage) => storage.close()))
      rmSync(temp, { recursive: true, force: true })
    })

    const open = async (
      address: { postgres: string } | { dataDir: string } = { postgres: database },
    ) => {
      const storage = await openDeskStorage(address)
      opened.push(storage)
      return storage
    }

    const start = async (
      storage: { postgres: string } | { dataDir: string } = { postgres: database },
    ) => {
      const server = await startDeskServer({
        storage,
        host: '127.0.0.1',
        port: 0,
        log: () => undefined,
      })
      servers.push(server)
      return server
    }

    async function query(sql: string, values: unknown[] = []) {
      const client = new pg.Client(database)
      await client.connect()
      try {
        return (await client.query(sql, values)).rows
      } finally {
        await client.end()
      }
    }

    const story = (input: Partial<ArticleFields> = {}): ArticleFields =>
      fieldsOf(createArticle({ headline: 'Harbour bridge vote', ...input }, STORY, new Date()))

    async function share(server: RunningDeskServer, token: string, fields: ArticleFields) {
      const client = connectTestClient(server.url, STORY, token)
      clients.push(client)
      await client.synced
      writeStory(client.doc, fields)
      await eventually(() => client.provider.unsyncedChanges === 0, 'the story to reach the desk')
      return client
    }

    async function read(server: RunningDeskServer, token: string) {
      const client = connectTestClient(server.url, STORY, token)
      clients.push(client)
      await client.synced
      return readStory(client.doc)
    }

    const picture = async () => {
      const bytes = await sharp({
        create: { width: 4, height: 4, channels: 3, background: '#c03' },
      })
        .png()
        .toBuffer()
      return { bytes, name: `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.png` }
    }

    const pictureAt = (
      server: RunningDeskServer,
      name: string,
      token: string,
      init: RequestInit = {},
    ) =>
      fetch(`${server.url.replace('ws:', 'http:')}/pictures/${name}`, {
        ...init,
        headers: { authorization: `Bearer ${token}` },
      })

    it('creates its tables on the first start, even with two servers starting at once', async () => {
      await Promise.all([open(), open()])
      expect(await query('SELECT version FROM copydesk.schema_version')).toEqual([
        { version: DESK_SCHEMA_VERSION },
      ])
      const tables = await query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'copydesk' ORDER BY tablename",
      )
      expect(tables.map((row: { tablename: string }) => row.tablename)).toEqual([
        'documents',
        'people',
        'pictures',
        'schema_version',
        'status_changes',
        'stories',
      ])
      // A later start finds them and changes nothing.
      const { records } = await open()
      await records.addPerson('Ana Lee', 'reporter')
      await open()
      expect(await records.people()).toHaveLength(1)
    })

    it('refuses a database set up by a newer Copydesk, and one that is not PostgreSQL', async () => {
      await open()
      await query('UPDATE copydesk.schema_version SET version = 99')
      await expect(open()).rejects.toThrow(/set up by a newer Copydesk \(desk schema version 99\)/)
      await expect(open({ postgres: 'mysql://127.0.0.1/desk' })).rejects.toThrow(
        /is no PostgreSQL address: it must start with postgres:\/\//,
      )
      await expect(
        open({
          postgres: database.replace(/:\d+\//, ':1/').replace('copydesk@', 'copydesk:secret@'),
        }),
      ).rejects.toThrow(
        /^PostgreSQL at postgres:\/\/copydesk:\*\*\*@127\.0\.0\.1:1\/desk_\d+ cannot be used/,
      )
    })

    it('keeps people, tokens and status changes as the SQLite desk does', async () => {
      const { records } = await open()
      const ana = await records.addPerson('Ana Lee', 'reporter', new Date('2026-12-07T09:00:00Z'))
      const sam = await records.addPerson('Sam Roe', 'editor')
      await expect(records.addPerson('ana lee', 'editor')).rejects.toThrow(/already on this desk/)
      expect(await records.personWithToken(ana.token)).toEqual(ana.person)
      expect(await query('SELECT token_hash FROM copydesk.people')).not.toContainEqual({
        token_hash: ana.token,
      })

      await records.recordStatusChange({
        story: STORY,
        from: 'draft',
        to: 'filed',
        personId: ana.person.id,
        at: new Date('2026-12-07T09:30:00.250Z'),
      })
      await records.recordStatusChange({
        story: STORY,
        from: 'filed',
        to: 'subbed',
        personId: sam.person.id,
        at: new Date('2026-12-07T10:00:00Z'),
      })
      await records.removePerson('ANA LEE')
      expect(await records.personWithToken(ana.token)).toBeUndefined()
      await expect(records.removePerson('Ana Lee')).rejects.toThrow(/Nobody called Ana Lee/)
      expect(await records.people()).toEqual([sam.person])
      expect(await records.statusChanges(STORY)).toEqual([
        {
          story: STORY,
          from: 'draft',
          to: 'filed',
          personId: ana.person.id,
          personName: 'Ana Lee',
          at: '2026-12-07T09:30:00.250Z',
        },
        {
          story: STORY,
          from: 'filed',
          to: 'subbed',
          personId: sam.person.id,
          personName: 'Sam Roe',
          at: '2026-12-07T10:00:00.000Z',
        },
      ])
    })

    it('serves stories, their list and pictures from PostgreSQL to every server, after a restart of all', async () => {
      const { records } = await open()
      const { token } = await records.addPerson('Ana Lee', 'reporter')
      const [first, second] = [await start(), await start()]
      await share(first, token, story({ headline: 'Harbour bridge approved' }))
      const { bytes, name } = await picture()
      expect((await pictureAt(first, name, token, { method: 'PUT', body: bytes })).status).toBe(201)
      expect(Buffer.from(await (await pictureAt(second, name, token)).arrayBuffer())).toEqual(bytes)

      await Promise.all(servers.splice(0).map((server) => server.stop()))
      clients.splice(0).forEach((client) => client.destroy())
      const restarted = await start()
      expect((await read(restarted, token)).headline).toBe('Harbour bridge approved')
      const list = DeskStoryListSchema.parse(
        await (
          await fetch(`${restarted.url.replace('ws:', 'http:')}/stories`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json(),
      )
      expect(list.stories).toMatchObject([
        { id: STORY, headline: 'Harbour bridge approved', updatedBy: 'Ana Lee' },
      ])
      expect((await pictureAt(restarted, name, token, { method: 'HEAD' })).status).toBe(200)
    })

    it('moves a SQLite desk into PostgreSQL whole, and refuses to move it twice', async () => {
      const dataDir = join(temp, 'desk')
      const sqlite = await open({ dataDir })
      const reporter = await sqlite.records.addPerson('Ana Lee', 'reporter')
      const editor = await sqlite.records.addPerson('Sam Roe', 'editor')
      await sqlite.records.removePerson('Sam Roe')
      const desk = await start({ dataDir })
      const client = await share(desk, reporter.token, story())
      writeStory(client.doc, story({ status: 'filed' }))
      await eventually(() => client.provider.unsyncedChanges === 0, 'filing')
      const { bytes, name } = await picture()
      await pictureAt(desk, name, reporter.token, { method: 'PUT', body: bytes })
      await Promise.all(servers.splice(0).map((server) => server.stop()))
      clients.splice(0).forEach((each) => each.destroy())

      expect(await migrateSqliteDeskToPostgres(dataDir, database)).toEqual({
        stories: 1,
        people: 2,
        statusChanges: 1,
        pictures: 1,
      })
      const moved = await start()
      // Tokens keep working (and a removed one stays removed); the story and its record came too.
      expect((await read(moved, reporter.token)).status).toBe('filed')
      expect(await moved.records.personWithToken(editor.token)).toBeUndefined()
      expect(await moved.records.statusChanges(STORY)).toMatchObject([
        { from: 'draft', to: 'filed', personName: 'Ana Lee' },
      ])
      expect(
        Buffer.from(await (await pictureAt(moved, name, reporter.token)).arrayBuffer()),
      ).toEqual(bytes)

      const before = await query('SELECT count(*)::int AS n FROM copydesk.people')
      await expect(migrateSqliteDeskToPostgres(dataDir, database)).rejects.toThrow(
        `PostgreSQL already holds 1 of these stories (${STORY} among them); nothing was moved.`,
      )
      expect(await query('SELECT count(*)::int AS n FROM copydesk.people')).toEqual(before)
    })
  },
)

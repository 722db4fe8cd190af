import BetterSqlite3 from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { z } from 'zod'
import { isDeskPictureName } from '../../../shared/desk/desk-pictures'
import { DESK_PICTURES_FOLDER } from './desk-picture-shelf'
import { DeskRecordsError } from './desk-records'
import { checkedAddress, shownPostgresAddress } from './postgres-desk-storage'
import { prepareDeskSchema } from './postgres-desk-schema'
import { inTransaction } from './postgres-transaction'
import { SqliteDeskRecords } from './sqlite-desk-records'
import { deskDatabasePath } from './sqlite-desk-storage'

/** What a migration moved, each counted again in PostgreSQL before it was committed. */
export interface MigratedDesk {
  stories: number
  people: number
  statusChanges: number
  pictures: number
}

const DocumentRowSchema = z.object({ name: z.string(), data: z.instanceof(Buffer) })
const PersonRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  token_hash: z.string(),
  added_at: z.string(),
  removed_at: z.string().nullable(),
})
const StatusChangeRowSchema = z.object({
  story: z.string(),
  from_status: z.string(),
  to_status: z.string(),
  person_id: z.string(),
  at: z.string(),
})
const StoryRowSchema = z.object({
  id: z.string(),
  headline: z.string(),
  status: z.string(),
  updated_at: z.string(),
  updated_by: z.string().nullable(),
})
const NameRowsSchema = z.array(z.object({ name: z.string() }))
const CountRowsSchema = z.array(z.object({ count: z.coerce.number(), bytes: z.coerce.number() }))

/** Everything a SQLite desk holds, read in one transaction so that it is one moment's desk. */
function readSqliteDesk(file: string) {
  // Opening the records first brings an older desk file to this version's tables.
  SqliteDeskRecords.open(file).close()
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return db.transaction(() => {
      const hasDocuments =
        db
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'")
          .get() !== undefined
      return {
        documents: hasDocuments
          ? db
              .prepare('SELECT name, data FROM documents ORDER BY name')
              .all()
              .map((row) => DocumentRowSchema.parse(row))
          : [],
        people: db
          .prepare('SELECT * FROM people ORDER BY added_at')
          .all()
          .map((row) => PersonRowSchema.parse(row)),
        statusChanges: db
          .prepare('SELECT * FROM status_changes ORDER BY rowid')
          .all()
          .map((row) => StatusChangeRowSchema.parse(row)),
        stories: db
          .prepare('SELECT * FROM stories')
          .all()
          .map((row) => StoryRowSchema.parse(row)),
      }
    })()
  } finally {
    db.close()
  }
}

const totalBytes = (buffers: Buffer[]) => buffers.reduce((sum, bytes) => sum + bytes.byteLength, 0)

/**
 * Moves a desk from its SQLite data folder into PostgreSQL: every story's document, the people
 * (their tokens' hashes, so everyone's token keeps working), the status changes, the story list
 * and the pictures. All of it goes in one transaction, counted again in PostgreSQL before it is
 * committed: a failure or a wrong count moves nothing. The SQLite desk is left as it was.
 */
export async function migrateSqliteDeskToPostgres(
  dataDir: string,
  postgres: string,
): Promise<MigratedDesk> {
  const file = deskDatabasePath(dataDir)
  if (!existsSync(file))
    throw new DeskRecordsError(`There is no desk in ${dataDir}: ${file} does not exist.`)
  const desk = readSqliteDesk(file)
  const folder = join(dataDir, DESK_PICTURES_FOLDER)
  const pictureNames = existsSync(folder) ? (await readdir(folder)).filter(isDeskPictureName) : []
  let pictureBytes = 0

  const pool = new pg.Pool({ connectionString: checkedAddress(postgres), max: 1 })
  pool.on('error', () => undefined)
  try {
    await prepareDeskSchema(pool).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error)
      throw new DeskRecordsError(
        `PostgreSQL at ${shownPostgresAddress(postgres)} cannot be used: ${reason}`,
      )
    })
    await inTransaction(pool, async (client) => {
      const names = desk.documents.map((document) => document.name)
      const taken = NameRowsSchema.parse(
        (await client.query('SELECT name FROM copydesk.documents WHERE name = ANY($1)', [names]))
          .rows,
      )
      if (taken[0])
        throw new DeskRecordsError(
          `PostgreSQL already holds ${taken.length} of these stories (${taken[0].name} among them); nothing was moved.`,
        )
      for (const person of desk.people)
        await client.query(
          `INSERT INTO copydesk.people (id, name, role, token_hash, added_at, removed_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            person.id,
            person.name,
            person.role,
            person.token_hash,
            person.added_at,
            person.removed_at,
          ],
        )
      for (const change of desk.statusChanges)
        await client.query(
          `INSERT INTO copydesk.status_changes (story, from_status, to_status, person_id, at)
           VALUES ($1, $2, $3, $4, $5)`,
          [change.story, change.from_status, change.to_status, change.person_id, change.at],
        )
      for (const story of desk.stories)
        await client.query(
          `INSERT INTO copydesk.stories (id, headline, status, updated_at, updated_by)
           VALUES ($1, $2, $3, $4, $5)`,
          [story.id, story.headline, story.status, story.updated_at, story.updated_by],
        )
      for (const document of desk.documents)
        await client.query('INSERT INTO copydesk.documents (name, data) VALUES ($1, $2)', [
          document.name,
          document.data,
        ])
      // A picture is named after its bytes: one PostgreSQL has already is the same picture.
      // One at a time: a desk's pictures may be far more than memory holds.
      for (const name of pictureNames) {
        const bytes = await readFile(join(folder, name))
        pictureBytes += bytes.byteLength
        await client.query(
          'INSERT INTO copydesk.pictures (name, bytes) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
          [name, bytes],
        )
      }

      const personIds = desk.people.map((person) => person.id)
      const counted = async (sql: string, values: unknown[]) =>
        CountRowsSchema.parse((await client.query(sql, values)).rows)[0] ?? { count: 0, bytes: 0 }
      const checks = [
        {
          what: 'stories',
          expected: { count: names.length, bytes: totalBytes(desk.documents.map((d) => d.data)) },
          found: await counted(
            `SELECT count(*), coalesce(sum(octet_length(data)), 0) AS bytes
             FROM copydesk.documents WHERE name = ANY($1)`,
            [names],
          ),
        },
        {
          what: 'people',
          expected: { count: desk.people.length, bytes: 0 },
          found: await counted(
            'SELECT count(*), 0 AS bytes FROM copydesk.people WHERE id = ANY($1)',
            [personIds],
          ),
        },
        {
          // The people are new to PostgreSQL (their ids would clash), so every status change
          // by them is one this migration brought.
          what: 'status changes',
          expected: { count: desk.statusChanges.length, bytes: 0 },
          found: await counted(
            'SELECT count(*), 0 AS bytes FROM copydesk.status_changes WHERE person_id = ANY($1)',
            [personIds],
          ),
        },
        {
          what: 'story list entries',
          expected: { count: desk.stories.length, bytes: 0 },
          found: await counted(
            'SELECT count(*), 0 AS bytes FROM copydesk.stories WHERE id = ANY($1)',
            [desk.stories.map((story) => story.id)],
          ),
        },
        {
          what: 'pictures',
          expected: { count: pictureNames.length, bytes: pictureBytes },
          found: await counted(
            `SELECT count(*), coalesce(sum(octet_length(bytes)), 0) AS bytes
             FROM copydesk.pictures WHERE name = ANY($1)`,
            [pictureNames],
          ),
        },
      ]
      const wrong = checks.find(
        ({ expected, found }) => expected.count !== found.count || expected.bytes !== found.bytes,
      )
      if (wrong)
        throw new DeskRecordsError(
          `PostgreSQL counted ${wrong.found.count} ${wrong.what} (${wrong.found.bytes} bytes) where the SQLite desk has ${wrong.expected.count} (${wrong.expected.bytes} bytes); nothing was moved.`,
        )
    })
  } finally {
    await pool.end()
  }
  return {
    stories: desk.documents.length,
    people: desk.people.length,
    statusChanges: desk.statusChanges.length,
    pictures: pictureNames.length,
  }
}

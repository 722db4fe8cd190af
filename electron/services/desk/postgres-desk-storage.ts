import { Database } from '@hocuspocus/extension-database'
import pg from 'pg'
import { z } from 'zod'
import type { DeskPictureShelf } from './desk-picture-shelf'
import type { DeskStorage } from './desk-storage'
import { PostgresDeskRecords } from './postgres-desk-records'
import { prepareDeskSchema } from './postgres-desk-schema'

/** How long a starting desk waits for PostgreSQL before it says it cannot reach it. */
const CONNECT_TIMEOUT_MS = 5_000

const BytesRowsSchema = z.array(z.object({ bytes: z.instanceof(Buffer) }))
const SizeRowsSchema = z.array(z.object({ size: z.number().int() }))

/** The address as people may see it: a password in it is never printed. */
export function shownPostgresAddress(address: string): string {
  const url = new URL(address)
  if (url.password) url.password = '***'
  return url.toString()
}

export function checkedAddress(address: string): string {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    throw new Error(
      `${address} is no PostgreSQL address: give one such as postgres://desk@127.0.0.1:5432/newsroom.`,
    )
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new Error(`${address} is no PostgreSQL address: it must start with postgres://.`)
  return address
}

function pictureTable(pool: pg.Pool): DeskPictureShelf {
  return {
    sizeOf: async (name) => {
      const { rows } = await pool.query(
        'SELECT octet_length(bytes) AS size FROM copydesk.pictures WHERE name = $1',
        [name],
      )
      return SizeRowsSchema.parse(rows)[0]?.size
    },
    read: async (name) => {
      const { rows } = await pool.query('SELECT bytes FROM copydesk.pictures WHERE name = $1', [
        name,
      ])
      return BytesRowsSchema.parse(rows)[0]?.bytes
    },
    keep: async (name, bytes) => {
      await pool.query(
        'INSERT INTO copydesk.pictures (name, bytes) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
        [name, bytes],
      )
    },
  }
}

/**
 * Documents, records and pictures in the newsroom's PostgreSQL: what desk servers on several
 * machines share. The schema is created on the first start and migrated by version.
 */
export async function openPostgresDeskStorage(address: string): Promise<DeskStorage> {
  const pool = new pg.Pool({
    connectionString: checkedAddress(address),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: 10,
  })
  // A connection lost while idle (PostgreSQL restarted) is replaced on the next query; the
  // health check says so meanwhile. Without a listener it would end the server.
  pool.on('error', () => undefined)
  try {
    await prepareDeskSchema(pool)
  } catch (error) {
    await pool.end()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`PostgreSQL at ${shownPostgresAddress(address)} cannot be used: ${reason}`)
  }
  const documents = new Database({
    fetch: async ({ documentName }) => {
      const { rows } = await pool.query(
        'SELECT data AS bytes FROM copydesk.documents WHERE name = $1',
        [documentName],
      )
      return BytesRowsSchema.parse(rows)[0]?.bytes ?? null
    },
    store: async ({ documentName, state }) => {
      await pool.query(
        `INSERT INTO copydesk.documents (name, data, stored_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET data = excluded.data, stored_at = now()`,
        [documentName, state],
      )
    },
  })
  return {
    kind: 'postgres',
    place: shownPostgresAddress(address),
    records: new PostgresDeskRecords(pool),
    documents,
    pictures: pictureTable(pool),
    close: () => pool.end(),
  }
}

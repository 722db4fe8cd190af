import type { Pool } from 'pg'
import { z } from 'zod'
import { DeskRecordsError } from './desk-records'
import { inTransaction } from './postgres-transaction'

/**
 * Copydesk's tables live in a schema of their own, `copydesk`, beside whatever else the
 * database holds. Each migration brings the schema from the version before it; `copydesk.schema_version` says
 * where a database is. Append only: a released migration is never edited.
 */
const MIGRATIONS = [
  `CREATE TABLE copydesk.people (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     added_at TIMESTAMPTZ NOT NULL,
     removed_at TIMESTAMPTZ
   );
   CREATE TABLE copydesk.status_changes (
     id BIGSERIAL PRIMARY KEY,
     story TEXT NOT NULL,
     from_status TEXT NOT NULL,
     to_status TEXT NOT NULL,
     person_id TEXT NOT NULL REFERENCES copydesk.people(id),
     at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX status_changes_by_story ON copydesk.status_changes(story, at);
   CREATE TABLE copydesk.stories (
     id TEXT PRIMARY KEY,
     headline TEXT NOT NULL,
     status TEXT NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL,
     updated_by TEXT
   );
   CREATE TABLE copydesk.documents (
     name TEXT PRIMARY KEY,
     data BYTEA NOT NULL,
     stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE copydesk.pictures (
     name TEXT PRIMARY KEY,
     bytes BYTEA NOT NULL,
     kept_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
]

export const DESK_SCHEMA_VERSION = MIGRATIONS.length

/** Any number will do, as long as it is Copydesk's alone: it serialises migrations. */
const MIGRATION_LOCK = 0x636f7079

/**
 * Brings the desk's tables to this Copydesk's version, creating them on a desk's first start.
 * Several desk servers may start at once: the first migrates under an advisory lock while the
 * others wait, then find nothing left to do.
 */
export async function prepareDeskSchema(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE SCHEMA IF NOT EXISTS copydesk')
    await client.query(
      'CREATE TABLE IF NOT EXISTS copydesk.schema_version (version INTEGER NOT NULL)',
    )
    const { rows } = await client.query('SELECT version FROM copydesk.schema_version')
    const version = z.array(z.object({ version: z.number().int() })).parse(rows)[0]?.version ?? 0
    if (version > MIGRATIONS.length)
      throw new DeskRecordsError(
        `This PostgreSQL desk was set up by a newer Copydesk (desk schema version ${version}); update Copydesk to use it.`,
      )
    for (const migration of MIGRATIONS.slice(version)) await client.query(migration)
    await client.query(
      rows.length === 0
        ? 'INSERT INTO copydesk.schema_version (version) VALUES ($1)'
        : 'UPDATE copydesk.schema_version SET version = $1',
      [MIGRATIONS.length],
    )
  })
}

import { randomUUID } from 'node:crypto'
import type { Pool } from 'pg'
import type { DeskRole } from '../../../shared/desk/desk-roles'
import {
  alreadyOnDesk,
  newDeskToken,
  nobodyCalled,
  PersonRowSchema,
  personName,
  StatusChangeRowSchema,
  StoredStoryRowSchema,
  tokenHash,
  type DeskPerson,
  type DeskRecords,
  type NewStatusChange,
  type StatusChange,
  type StoredStory,
} from './desk-records'

/** A timestamp as the records give it everywhere: ISO 8601 in UTC, to the millisecond. */
const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** How long a health check waits for PostgreSQL before it calls it unreachable. */
const REACHABLE_WITHIN_MS = 3_000

/**
 * The desk's records in PostgreSQL, for a newsroom whose desk servers run on several machines:
 * every instance and every `copydesk desk-server` command given the same `--postgres` address
 * shares them.
 */
export class PostgresDeskRecords implements DeskRecords {
  constructor(private readonly pool: Pool) {}

  async addPerson(
    name: string,
    role: DeskRole,
    now = new Date(),
  ): Promise<{ person: DeskPerson; token: string }> {
    const trimmed = personName(name)
    const person: DeskPerson = { id: randomUUID(), name: trimmed, role }
    const token = newDeskToken()
    // One statement, so two people adding the same name at once cannot both succeed.
    const { rowCount } = await this.pool.query(
      `INSERT INTO copydesk.people (id, name, role, token_hash, added_at)
         SELECT $1, $2, $3, $4, $5
          WHERE NOT EXISTS (SELECT 1 FROM copydesk.people
                             WHERE removed_at IS NULL AND lower(name) = lower($2))`,
      [person.id, person.name, person.role, tokenHash(token), now.toISOString()],
    )
    if (rowCount === 0) throw alreadyOnDesk(trimmed)
    return { person, token }
  }

  async removePerson(name: string, now = new Date()): Promise<DeskPerson> {
    const { rows } = await this.pool.query(
      `UPDATE copydesk.people SET removed_at = $2
        WHERE id = (SELECT id FROM copydesk.people
                     WHERE removed_at IS NULL AND lower(name) = lower($1) LIMIT 1)
        RETURNING id, name, role`,
      [name.trim(), now.toISOString()],
    )
    if (rows.length === 0) throw nobodyCalled(name)
    return PersonRowSchema.parse(rows[0])
  }

  async personWithToken(token: string): Promise<DeskPerson | undefined> {
    const { rows } = await this.pool.query(
      'SELECT id, name, role FROM copydesk.people WHERE token_hash = $1 AND removed_at IS NULL',
      [tokenHash(token)],
    )
    return rows.length === 0 ? undefined : PersonRowSchema.parse(rows[0])
  }

  async people(): Promise<DeskPerson[]> {
    const { rows } = await this.pool.query(
      'SELECT id, name, role FROM copydesk.people WHERE removed_at IS NULL ORDER BY name',
    )
    return rows.map((row) => PersonRowSchema.parse(row))
  }

  async recordStatusChange(change: NewStatusChange): Promise<void> {
    await this.pool.query(
      `INSERT INTO copydesk.status_changes (story, from_status, to_status, person_id, at)
         VALUES ($1, $2, $3, $4, $5)`,
      [change.story, change.from, change.to, change.personId, change.at.toISOString()],
    )
  }

  async recordStoredStory(story: StoredStory): Promise<void> {
    await this.pool.query(
      `INSERT INTO copydesk.stories (id, headline, status, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, status = excluded.status,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [story.id, story.headline, story.status, story.updatedAt, story.updatedBy ?? null],
    )
  }

  async storedStories(): Promise<StoredStory[]> {
    const { rows } = await this.pool.query(
      `SELECT id, headline, status, ${iso('updated_at')} AS "updatedAt", updated_by AS "updatedBy"
         FROM copydesk.stories ORDER BY updated_at DESC`,
    )
    return rows.map((row) => StoredStoryRowSchema.parse(row))
  }

  async statusChanges(story: string): Promise<StatusChange[]> {
    const { rows } = await this.pool.query(
      `SELECT story, from_status AS "from", to_status AS "to", person_id AS "personId",
              people.name AS "personName", ${iso('at')} AS at
         FROM copydesk.status_changes JOIN copydesk.people AS people ON people.id = person_id
        WHERE story = $1 ORDER BY at, status_changes.id`,
      [story],
    )
    return rows.map((row) => StatusChangeRowSchema.parse(row))
  }

  async isReachable(): Promise<boolean> {
    try {
      const answered = await Promise.race([
        this.pool.query('SELECT 1').then(() => true),
        new Promise<boolean>((resolve) => setTimeout(resolve, REACHABLE_WITHIN_MS, false).unref()),
      ])
      return answered
    } catch {
      return false
    }
  }

  /** The pool belongs to the desk's storage, which closes it. */
  close(): void {}
}

import BetterSqlite3 from 'better-sqlite3'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { ArticleStatus } from '../../../shared/article'
import { ArticleStatusSchema } from '../../../shared/article'
import { DESK_ROLES, type DeskRole } from '../../../shared/desk/desk-roles'

export interface DeskPerson {
  id: string
  name: string
  role: DeskRole
}

export interface StatusChange {
  story: string
  from: ArticleStatus
  to: ArticleStatus
  personId: string
  personName: string
  at: string
}

/** A request the records cannot carry out, in words for the person at the command line. */
export class DeskRecordsError extends Error {}

const PersonRowSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(DESK_ROLES) })
const StatusChangeRowSchema = z.object({
  story: z.string(),
  from: ArticleStatusSchema,
  to: ArticleStatusSchema,
  personId: z.string(),
  personName: z.string(),
  at: z.string(),
})

/** Each migration brings the file from the version before it; `user_version` says where it is. */
const MIGRATIONS = [
  `CREATE TABLE people (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     added_at TEXT NOT NULL,
     removed_at TEXT
   );
   CREATE TABLE status_changes (
     story TEXT NOT NULL,
     from_status TEXT NOT NULL,
     to_status TEXT NOT NULL,
     person_id TEXT NOT NULL REFERENCES people(id),
     at TEXT NOT NULL
   );
   CREATE INDEX status_changes_by_story ON status_changes(story, at);`,
  `CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     headline TEXT NOT NULL,
     status TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     updated_by TEXT
   );`,
]

const StoredStoryRowSchema = z
  .object({
    id: z.string(),
    headline: z.string(),
    status: ArticleStatusSchema,
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .transform(({ updatedBy, ...story }): StoredStory =>
    updatedBy === null ? story : { ...story, updatedBy },
  )

/** What the desk's story list shows of a story, kept each time the story is stored. */
export interface StoredStory {
  id: string
  headline: string
  status: ArticleStatus
  updatedAt: string
  updatedBy?: string
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

/**
 * The desk's own records beside its documents: the people who may connect (a hash of each
 * token, never the token) and who moved which story to which state, and when. The server and
 * the `add-person` command open the same file, so a person added while the server runs can
 * connect at once.
 */
export class DeskRecords {
  private constructor(private readonly db: BetterSqlite3.Database) {}

  static open(file: string): DeskRecords {
    const db = new BetterSqlite3(file)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    const version = Number(db.pragma('user_version', { simple: true }))
    if (version > MIGRATIONS.length) {
      db.close()
      throw new DeskRecordsError(
        `${file} was written by a newer Copydesk (desk records version ${version}); update Copydesk to use it.`,
      )
    }
    db.transaction(() => {
      MIGRATIONS.slice(version).forEach((migration) => db.exec(migration))
      db.pragma(`user_version = ${MIGRATIONS.length}`)
    })()
    return new DeskRecords(db)
  }

  /** Adds a person and returns the token they connect with: shown once, kept only as a hash. */
  addPerson(name: string, role: DeskRole, now = new Date()): { person: DeskPerson; token: string } {
    const trimmed = name.trim()
    if (!trimmed) throw new DeskRecordsError('A person needs a name.')
    if (this.activeNamed(trimmed).length > 0)
      throw new DeskRecordsError(
        `${trimmed} is already on this desk; remove them first to give a new token.`,
      )
    const person: DeskPerson = { id: randomUUID(), name: trimmed, role }
    const token = `cdk_${randomBytes(32).toString('base64url')}`
    this.db
      .prepare('INSERT INTO people (id, name, role, token_hash, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(person.id, person.name, person.role, hashOf(token), now.toISOString())
    return { person, token }
  }

  /** Revokes a person's token; their name stays on the status changes they made. */
  removePerson(name: string, now = new Date()): DeskPerson {
    const matches = this.activeNamed(name.trim())
    const person = matches[0]
    if (!person) throw new DeskRecordsError(`Nobody called ${name.trim()} is on this desk.`)
    this.db
      .prepare('UPDATE people SET removed_at = ? WHERE id = ?')
      .run(now.toISOString(), person.id)
    return person
  }

  /** The person this token belongs to, unless it is unknown or was revoked. */
  personWithToken(token: string): DeskPerson | undefined {
    const row: unknown = this.db
      .prepare('SELECT id, name, role FROM people WHERE token_hash = ? AND removed_at IS NULL')
      .get(hashOf(token))
    return row === undefined ? undefined : PersonRowSchema.parse(row)
  }

  people(): DeskPerson[] {
    return this.db
      .prepare('SELECT id, name, role FROM people WHERE removed_at IS NULL ORDER BY name')
      .all()
      .map((row) => PersonRowSchema.parse(row))
  }

  recordStatusChange(change: {
    story: string
    from: ArticleStatus
    to: ArticleStatus
    personId: string
    at: Date
  }): void {
    this.db
      .prepare(
        'INSERT INTO status_changes (story, from_status, to_status, person_id, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(change.story, change.from, change.to, change.personId, change.at.toISOString())
  }

  recordStoredStory(story: StoredStory): void {
    this.db
      .prepare(
        `INSERT INTO stories (id, headline, status, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, status = excluded.status,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(story.id, story.headline, story.status, story.updatedAt, story.updatedBy ?? null)
  }

  /** Every story on the desk, the latest change first. */
  storedStories(): StoredStory[] {
    return this.db
      .prepare(
        `SELECT id, headline, status, updated_at AS updatedAt, updated_by AS updatedBy
           FROM stories ORDER BY updated_at DESC`,
      )
      .all()
      .map((row) => StoredStoryRowSchema.parse(row))
  }

  statusChanges(story: string): StatusChange[] {
    return this.db
      .prepare(
        `SELECT story, from_status AS "from", to_status AS "to", person_id AS personId,
                people.name AS personName, at
           FROM status_changes JOIN people ON people.id = person_id
          WHERE story = ? ORDER BY at, status_changes.rowid`,
      )
      .all(story)
      .map((row) => StatusChangeRowSchema.parse(row))
  }

  /**
   * Copies the whole desk file (stories, people, status changes) to `file` with SQLite's online
   * backup, consistent even while the server is writing; copying the file by hand is not.
   */
  async backUpTo(file: string): Promise<void> {
    await this.db.backup(file)
  }

  /** Whether the desk file answers a query now: what the health check reports as storage. */
  isReachable(): boolean {
    try {
      return this.db.prepare('SELECT 1 AS up').get() !== undefined
    } catch {
      return false
    }
  }

  close(): void {
    this.db.close()
  }

  private activeNamed(name: string): DeskPerson[] {
    return this.db
      .prepare(
        'SELECT id, name, role FROM people WHERE removed_at IS NULL AND lower(name) = lower(?)',
      )
      .all(name)
      .map((row) => PersonRowSchema.parse(row))
  }
}

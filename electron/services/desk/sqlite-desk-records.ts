import BetterSqlite3 from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { DeskRole } from '../../../shared/desk/desk-roles'
import {
  alreadyOnDesk,
  DeskRecordsError,
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

/**
 * The desk's records in the SQLite file beside its documents (the default storage): the server
 * and the `copydesk desk-server` commands open the same file.
 */
export class SqliteDeskRecords implements DeskRecords {
  private constructor(private readonly db: BetterSqlite3.Database) {}

  static open(file: string): SqliteDeskRecords {
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
    return new SqliteDeskRecords(db)
  }

  addPerson(name: string, role: DeskRole, now = new Date()): { person: DeskPerson; token: string } {
    const trimmed = personName(name)
    if (this.activeNamed(trimmed).length > 0) throw alreadyOnDesk(trimmed)
    const person: DeskPerson = { id: randomUUID(), name: trimmed, role }
    const token = newDeskToken()
    this.db
      .prepare('INSERT INTO people (id, name, role, token_hash, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(person.id, person.name, person.role, tokenHash(token), now.toISOString())
    return { person, token }
  }

  removePerson(name: string, now = new Date()): DeskPerson {
    const matches = this.activeNamed(name.trim())
    const person = matches[0]
    if (!person) throw nobodyCalled(name)
    this.db
      .prepare('UPDATE people SET removed_at = ? WHERE id = ?')
      .run(now.toISOString(), person.id)
    return person
  }

  personWithToken(token: string): DeskPerson | undefined {
    const row: unknown = this.db
      .prepare('SELECT id, name, role FROM people WHERE token_hash = ? AND removed_at IS NULL')
      .get(tokenHash(token))
    return row === undefined ? undefined : PersonRowSchema.parse(row)
  }

  people(): DeskPerson[] {
    return this.db
      .prepare('SELECT id, name, role FROM people WHERE removed_at IS NULL ORDER BY name')
      .all()
      .map((row) => PersonRowSchema.parse(row))
  }

  recordStatusChange(change: NewStatusChange): void {
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

import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { ArticleStatusSchema, type ArticleStatus } from '../../../shared/article'
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

/** A status change as the desk server records it, the moment it allows it. */
export interface NewStatusChange {
  story: string
  from: ArticleStatus
  to: ArticleStatus
  personId: string
  at: Date
}

/** What the desk's story list shows of a story, kept each time the story is stored. */
export interface StoredStory {
  id: string
  headline: string
  status: ArticleStatus
  updatedAt: string
  updatedBy?: string
}

/** Rows as either storage answers them, checked before use. */
export const PersonRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(DESK_ROLES),
})
export const StatusChangeRowSchema = z.object({
  story: z.string(),
  from: ArticleStatusSchema,
  to: ArticleStatusSchema,
  personId: z.string(),
  personName: z.string(),
  at: z.string(),
})

export const StoredStoryRowSchema = z
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

/** A request the records cannot carry out, in words for the person at the command line. */
export class DeskRecordsError extends Error {}

/** SQLite answers at once; PostgreSQL over the network. Callers await either. */
type Answer<T> = T | Promise<T>

/**
 * The desk's own records beside its documents: the people who may connect (a hash of each
 * token, never the token), who moved which story to which state and when, and what the story
 * list shows of each story. Every desk server and every `copydesk desk-server` command on the
 * same storage reads and writes the same records, so a person added while servers run can
 * connect to any of them at once.
 */
export interface DeskRecords {
  /** Adds a person and returns the token they connect with: shown once, kept only as a hash. */
  addPerson(name: string, role: DeskRole, now?: Date): Answer<{ person: DeskPerson; token: string }>
  /** Revokes a person's token; their name stays on the status changes they made. */
  removePerson(name: string, now?: Date): Answer<DeskPerson>
  /** The person this token belongs to, unless it is unknown or was revoked. */
  personWithToken(token: string): Answer<DeskPerson | undefined>
  people(): Answer<DeskPerson[]>
  recordStatusChange(change: NewStatusChange): Answer<void>
  recordStoredStory(story: StoredStory): Answer<void>
  /** Every story on the desk, the latest change first. */
  storedStories(): Answer<StoredStory[]>
  statusChanges(story: string): Answer<StatusChange[]>
  /** Whether the storage answers a query now: what the health check reports. */
  isReachable(): Answer<boolean>
  close(): Answer<void>
}

export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

export const newDeskToken = () => `cdk_${randomBytes(32).toString('base64url')}`

/** A new person's name as kept, or why it cannot be. */
export function personName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw new DeskRecordsError('A person needs a name.')
  return trimmed
}

export const alreadyOnDesk = (name: string) =>
  new DeskRecordsError(`${name} is already on this desk; remove them first to give a new token.`)

export const nobodyCalled = (name: string) =>
  new DeskRecordsError(`Nobody called ${name.trim()} is on this desk.`)

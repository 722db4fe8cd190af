import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { fieldsOf, type Article, type ArticleFields } from '../../../shared/article'
import type { DeskJoinAnswer } from '../../../shared/desk/desk-sync'
import { fail, ok, type Result } from '../../../shared/result'
import { fsFailure } from '../disk/fs-failure'
import { pathExists } from '../disk/path-exists'
import { KeyedQueue } from '../disk/keyed-queue'
import type { Library } from '../library/library'
import { readArticleFile } from '../library/library-store'
import type { EventHub } from '../platform/event-hub'
import { missingDeskConnection, type DeskConnection } from './desk-client'
import type { DeskLink, DeskRetry } from './desk-link'
import type { DeskReach, DeskSession } from './desk-session'
import type { SharingContext } from './desk-sharing'
import { REPLICA_FILE } from './replica-file'

/** The desk answers within this, or the person is told why not (each time it is asked). */
export const DESK_CONFIRM_MS = 10_000
/** `article.json` follows the shared story this long after its last change. */
export const ARTICLE_WRITE_DELAY_MS = 500
/**
 * A story's session stays this long after its last page leaves: a person who goes back to it
 * (or switches between two stories) finds it open and connected, not read and joined afresh.
 */
export const SESSION_LINGER_MS = 30_000
/** Who writes a shared story's `article.json` when no window or tab here is editing it. */
export const DESK_WRITER = 'desk-sync'

/**
 * Yjs, the provider and the replica load with the first shared story, not with the app: most
 * commands and most articles never need them, and `join` runs on every article opened.
 */
const sessionModule = () => import('./desk-session')
const sharingModule = () => import('./desk-sharing')

export interface DeskSessionsOptions {
  library: Library
  /** Who holds each article's lock here: a shared story is written as its editor. */
  locks: { clientHolding(id: string): string | undefined }
  /** The desk as set now; `tokenProblem` says why a token file could not be used. */
  connection(): DeskConnection & { tokenProblem?: string | undefined }
  events?: EventHub
  confirmMs?: number
  writeDelayMs?: number
  lingerMs?: number
  retry?: DeskRetry
}

const notJoined = () =>
  fail('invalid-request', 'This story is not open for shared editing here; open it again.')

/**
 * Shared stories on this machine: sending one to the desk, bringing one from it, and the editing
 * sessions of those open in a window or tab, one per story whoever joins it. Work on one story
 * runs one step at a time (a send, a join, a leave); changes from the page go straight to the
 * story's session.
 */
export class DeskSessions {
  private readonly sessions = new Map<string, DeskSession>()
  private readonly queue = new KeyedQueue()
  /** Connections of sends and opens under way, ended when the app closes. */
  private readonly errands = new Set<DeskLink>()
  private closing = false
  private readonly confirmMs: number
  private readonly writeDelayMs: number
  private readonly lingerMs: number
  /** Sessions no page has joined, each closed when its timer runs out. */
  private readonly lingering = new Map<string, NodeJS.Timeout>()

  constructor(private readonly options: DeskSessionsOptions) {
    this.confirmMs = options.confirmMs ?? DESK_CONFIRM_MS
    this.writeDelayMs = options.writeDelayMs ?? ARTICLE_WRITE_DELAY_MS
    this.lingerMs = options.lingerMs ?? SESSION_LINGER_MS
  }

  /** "Send to desk": the local story becomes shared, or stays exactly as it was. */
  send(id: string): Promise<Result<Article>> {
    return this.queue.run(id, () =>
      this.guard('send the story to the desk', async () => {
        const context = await this.sharingContext()
        if (!context.ok) return context
        const article = await this.options.library.open(id)
        if (!article.ok) return article
        const folder = await this.options.library.folderOf(id)
        if (!folder.ok) return folder
        if (await pathExists(join(folder.value, REPLICA_FILE)))
          return this.syncShared(context.value, id, folder.value)
        const { sendToDesk } = await sharingModule()
        return sendToDesk(context.value, article.value, folder.value)
      }),
    )
  }

  /** A desk story brought into this library, or brought up to date when it is here already. */
  openStory(id: string): Promise<Result<Article>> {
    return this.queue.run(id, () =>
      this.guard('bring the story from the desk', async () => {
        const context = await this.sharingContext()
        if (!context.ok) return context
        const folder = await this.options.library.folderOf(id)
        if (folder.ok) {
          if (!(await pathExists(join(folder.value, REPLICA_FILE))))
            return fail(
              'conflict',
              'Your library has a story with this id that is not shared with the desk; it was left as it is.',
            )
          return this.syncShared(context.value, id, folder.value)
        }
        if (folder.error.kind !== 'not-found') return folder
        const { openFromDesk } = await sharingModule()
        return openFromDesk(context.value, id)
      }),
    )
  }

  /**
   * The page starts editing a story. A story without a replica is not shared: answered from one
   * look at its folder, nothing opened. A shared one joins its session, opened if need be; given
   * the state vector of the page's copy, the answer holds only what that copy lacks.
   */
  join(id: string, client: string, stateVector?: Uint8Array): Promise<Result<DeskJoinAnswer>> {
    return this.queue.run(id, () =>
      this.guard('open the shared story', async () => {
        const open = this.sessions.get(id)
        if (open) {
          clearTimeout(this.lingering.get(id))
          this.lingering.delete(id)
          open.join(client)
          return ok(open.answer(stateVector))
        }
        const folder = await this.options.library.folderOf(id)
        if (!folder.ok) return folder
        if (!(await pathExists(join(folder.value, REPLICA_FILE)))) return ok({ shared: false })
        if (this.closing) return fail('io', 'Copydesk is closing; open the story again after.')
        const { DeskSession } = await sessionModule()
        const session = await DeskSession.open({
          id,
          folder: folder.value,
          relocate: async () => {
            const moved = await this.options.library.folderOf(id)
            return moved.ok ? moved.value : undefined
          },
          reach: this.reach(),
          ...(this.options.retry && { retry: this.options.retry }),
          writeDelayMs: this.writeDelayMs,
          writeArticle: (fields) => this.writeArticle(id, fields),
          onOutsideUpdate: (update) =>
            this.options.events?.emit('desk:update', {
              id,
              update: Buffer.from(update).toString('base64'),
            }),
          onSync: (sync, version) => this.options.events?.emit('desk:sync', { id, sync, version }),
          onPresence: (update) =>
            this.options.events?.emit('desk:presence', {
              id,
              update: Buffer.from(update).toString('base64'),
            }),
          onPicturesArrived: (names) => this.options.events?.emit('desk:pictures', { id, names }),
        })
        if (!session.ok) return session
        session.value.join(client)
        this.sessions.set(id, session.value)
        return ok(session.value.answer(stateVector))
      }),
    )
  }

  /** A change the page made to a story it joined; answered once it is kept on disk. */
  async push(id: string, update: string): Promise<Result<null>> {
    const session = this.sessions.get(id)
    if (!session || session.isClosed) return notJoined()
    return session.push(Buffer.from(update, 'base64'))
  }

  /**
   * Brings every shared story's `article.json` up to its replica, and says which it wrote. An app
   * stopped in the half second between a change and the write that follows it leaves
   * `article.json` a step behind the changes its replica kept: the list, search and the command
   * line would show the older text until the story is next opened. Run once at start, in the
   * background; a story opened meanwhile is its session's to write.
   */
  async catchUp(): Promise<string[]> {
    const written: string[] = []
    const { library } = this.options
    let folders: string[]
    try {
      folders = (await readdir(library.root, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(library.root, entry.name))
    } catch {
      return written
    }
    for (const folder of folders) {
      if (this.closing) break
      if (!(await pathExists(join(folder, REPLICA_FILE)))) continue
      const article = await readArticleFile(folder)
      if (!article.ok) continue
      const { id } = article.value
      await this.queue.run(id, async () => {
        if (this.sessions.has(id) || this.closing) return
        const { replicaFields } = await sharingModule()
        const fields = await replicaFields(folder).catch(() => undefined)
        if (!fields || isDeepStrictEqual(fields, fieldsOf(article.value))) return
        if ((await this.writeArticle(id, fields)).ok) written.push(id)
      })
    }
    return written
  }

  /** Whether the story is open for shared editing here: its text then lives in its session. */
  isJoined(id: string): boolean {
    return this.sessions.get(id)?.isClosed === false
  }

  /** Brings the story's `article.json` up to what the shared story says now. */
  async flush(id: string): Promise<Result<null>> {
    const session = this.sessions.get(id)
    if (!session || session.isClosed) return notJoined()
    await session.writeNow()
    return ok(null)
  }

  /**
   * Makes `fields` the shared story's text for everyone (History's restore), as one change merged
   * like any other; answered with `article.json` once it says so.
   */
  async replace(id: string, fields: ArticleFields): Promise<Result<Article>> {
    const session = this.sessions.get(id)
    if (!session || session.isClosed) return notJoined()
    session.replace(fields)
    await session.writeNow()
    return this.options.library.open(id)
  }

  /** The page's caret, name and colour in a story it joined, for the others in it. */
  setPresence(id: string, state: Record<string, unknown> | null): Result<null> {
    const session = this.sessions.get(id)
    if (!session || session.isClosed) return notJoined()
    session.setPresence(state)
    return ok(null)
  }

  /**
   * The page no longer edits the story; once the last one has left, its session closes after a
   * while (see SESSION_LINGER_MS) unless a page joins it again.
   */
  leave(id: string, client: string, all = false): Promise<Result<null>> {
    return this.queue.run(id, async () => {
      const session = this.sessions.get(id)
      if (!session) return ok(null)
      if (!session.leave(client, all)) return ok(null)
      if (this.lingerMs > 0 && !this.closing) {
        const timer = setTimeout(() => void this.closeUnjoined(id), this.lingerMs)
        // A lingering session never keeps the process running.
        timer.unref()
        this.lingering.set(id, timer)
        return ok(null)
      }
      await this.closeSession(id, session)
      return ok(null)
    })
  }

  private closeUnjoined(id: string): Promise<void> {
    return this.queue.run(id, async () => {
      const session = this.sessions.get(id)
      if (session && session.clients.size === 0) await this.closeSession(id, session)
    })
  }

  private async closeSession(id: string, session: DeskSession): Promise<void> {
    clearTimeout(this.lingering.get(id))
    this.lingering.delete(id)
    this.sessions.delete(id)
    await session.close()
  }

  /** A window or tab has gone (closed, reloaded, crashed): it leaves every story it joined. */
  async leaveClient(client: string): Promise<void> {
    const joined = [...this.sessions].filter(([, session]) => session.clients.has(client))
    await Promise.all(joined.map(([id]) => this.leave(id, client, true)))
  }

  /** The desk's address or the person's token changed: open sessions connect again with them. */
  connectionChanged(): void {
    const reach = this.reach()
    for (const session of this.sessions.values()) session.reach(reach)
  }

  /**
   * Ends everything for the app's exit: errands still waiting for the desk give up, and each
   * session writes `article.json` one last time and lets go of the desk and its replica, so that
   * the process can end by itself. Never rejects.
   */
  async close(): Promise<void> {
    this.closing = true
    for (const link of this.errands) link.destroy()
    await Promise.allSettled(
      [...this.sessions].map(([id, session]) =>
        this.queue.run(id, () => this.closeSession(id, session)),
      ),
    )
  }

  /** The open session of a story, if any: for tests and tools that look inside. */
  sessionOf(id: string): DeskSession | undefined {
    return this.sessions.get(id)
  }

  private reach(): DeskReach {
    const connection = this.options.connection()
    const missing = missingDeskConnection(connection)
    if (!connection.token && connection.tokenProblem) return { problem: connection.tokenProblem }
    if (missing || !connection.token) return { problem: missing?.error.message ?? '' }
    return { address: connection.address, token: connection.token }
  }

  private async sharingContext(): Promise<Result<SharingContext>> {
    if (this.closing) return fail('io', 'Copydesk is closing; try again after.')
    const connection = this.options.connection()
    // A token file that cannot be used says why, rather than "no token is set".
    if (!connection.token && connection.tokenProblem) return fail('io', connection.tokenProblem)
    const missing = missingDeskConnection(connection)
    if (missing) return missing
    return ok({
      library: this.options.library,
      address: connection.address,
      token: connection.token ?? '',
      confirmMs: this.confirmMs,
      ...(this.options.retry && { retry: this.options.retry }),
      track: (link) => {
        this.errands.add(link)
        return () => this.errands.delete(link)
      },
    })
  }

  /** A shared story met with the desk: through its session when one is open, else on its own. */
  private async syncShared(
    context: SharingContext,
    id: string,
    folder: string,
  ): Promise<Result<Article>> {
    const session = this.sessions.get(id)
    if (session) {
      const confirmed = await session.confirmed(this.confirmMs)
      if (!confirmed.ok) return confirmed
      await session.writeNow()
    } else {
      const { syncStory } = await sharingModule()
      const synced = await syncStory(context, id, folder, DESK_WRITER)
      if (!synced.ok) return synced
    }
    return this.options.library.open(id)
  }

  /**
   * Main writes a shared story's `article.json` (it owns them: the page sends changes, not
   * saves), as the window or tab here that holds the story's lock when one does, which the lock
   * allows, else under its own name, taking the lock just for the write. One held on another
   * machine refuses it; the next change tries again.
   */
  private writeArticle(id: string, fields: ArticleFields): Promise<Result<unknown>> {
    const client = this.options.locks.clientHolding(id) ?? DESK_WRITER
    return this.options.library.saveShared(id, fields, client)
  }

  /** File-system errors become typed failures; anything else is a bug and is rethrown. */
  private async guard<T>(action: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await work()
    } catch (error) {
      return fsFailure(error, action)
    }
  }
}

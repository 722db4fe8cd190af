import * as Y from 'yjs'
import { ArticleFieldsSchema, type ArticleFields } from '../../../shared/article'
import { storyPictureNames } from '../../../shared/desk/desk-pictures'
import type { DeskJoinAnswer, DeskSyncState } from '../../../shared/desk/desk-sync'
import {
  readStory,
  STORY_PARTS,
  storyStatus,
  writeStory,
} from '../../../shared/desk/story-document'
import { fail, ok, type Result } from '../../../shared/result'
import { isErrnoException } from '../disk/fs-failure'
import type { DeskRefusal } from '../../../shared/desk/desk-refusal'
import { DeskLink, type DeskRetry } from './desk-link'
import { deskSyncState, sameSyncState } from './desk-sync-state'
import { exchangePictures } from './story-pictures'
import { StoryReplica } from './story-replica'

/** Marks a change that came from the page: it already has it, so it is not sent back. */
export const PAGE_ORIGIN = Symbol('copydesk page')

/** Where the desk is and who the person is, or why nothing can be asked of it. */
export type DeskReach =
  { address: string; token: string; problem?: undefined } | { problem: string }

export interface DeskSessionOptions {
  id: string
  /** The story's folder, holding its `article.json` and its replica. */
  folder: string
  /** The folder again after the library renamed it (a new slug). */
  relocate(): Promise<string | undefined>
  reach: DeskReach
  retry?: DeskRetry
  /** How long after the last change `article.json` is written. */
  writeDelayMs: number
  /** Writes `article.json` from the shared state; a failure is tried again at the next change. */
  writeArticle(fields: ArticleFields): Promise<Result<unknown>>
  /**
   * A change for the pages editing the story: from the desk, or from one of the pages here (for
   * the others; the page that made it finds nothing new in it).
   */
  onOutsideUpdate(update: Uint8Array): void
  onSync(state: DeskSyncState, version: number): void
  /** Others' carets and names, as an awareness update, for the page to show. */
  onPresence(update: Uint8Array): void
  /** Pictures of the story that came from the desk into its folder, for the page to show. */
  onPicturesArrived(names: string[]): void
}

/** How soon a picture that could not go or come is tried again, at first and at most. */
const PICTURE_RETRY_MS = { first: 2_000, most: 30_000 }

/**
 * One shared story being edited on this machine: its replica (every change kept on disk), and,
 * when an address and token are set, a connection to the desk retried for as long as the session
 * lives. Any number of windows and tabs may join it; `article.json` follows the shared state a
 * moment after each change, so the list, search and exports see what the story now says.
 */
export class DeskSession {
  /**
   * How many joins each window or tab has not yet left: a page that opens the story again
   * before its earlier open has finished joins twice and leaves twice.
   */
  readonly clients = new Map<string, number>()

  join(client: string): void {
    this.clients.set(client, (this.clients.get(client) ?? 0) + 1)
  }

  /** One join of the client's ended (`all`: every one, the window has gone); true once none remain. */
  leave(client: string, all = false): boolean {
    const left = all ? 0 : (this.clients.get(client) ?? 0) - 1
    if (left > 0) this.clients.set(client, left)
    else this.clients.delete(client)
    return this.clients.size === 0
  }
  private link: DeskLink | undefined
  private reachProblem: string | undefined
  private lastSync: DeskSyncState = { kind: 'offline' }
  private syncVersion = 0
  private writeTimer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()
  /** Changes article.json does not show yet; opening a shared story writes it only if so. */
  private unwritten = true
  private closed = false
  /** Kept for a connection made again (a new address or token), which starts with none. */
  private presence: Record<string, unknown> | null = null
  /** The status the desk last confirmed, which a refused status move goes back to. */
  private confirmedStatus: unknown
  // Set by reach(), which the constructor calls.
  private reachNow!: DeskReach
  /** Why the desk last refused a change, shown until the page makes the next one. */
  private refusalNote: string | undefined
  /** Pictures the desk and this folder both have. */
  private readonly knownPictures = new Set<string>()
  private picturesExchanging: Promise<void> | undefined
  private picturesAgain = false
  private pictureRetry: { timer: NodeJS.Timeout | undefined; delayMs: number } = {
    timer: undefined,
    delayMs: PICTURE_RETRY_MS.first,
  }

  private constructor(
    private readonly replica: StoryReplica,
    private readonly options: DeskSessionOptions,
  ) {
    replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Another window or tab here may be editing the story too.
      if (origin !== PAGE_ORIGIN || this.clients.size > 1) options.onOutsideUpdate(update)
      this.scheduleWrite()
    })
    this.reach(options.reach)
    // Changes kept before a crash may not have reached article.json yet.
    this.scheduleWrite()
  }

  /** Opens the story's replica and starts the session; a replica that cannot be read says why. */
  static async open(options: DeskSessionOptions): Promise<Result<DeskSession>> {
    try {
      const { replica } = await StoryReplica.open(options.folder, options.relocate)
      return ok(new DeskSession(replica, options))
    } catch (error) {
      if (isErrnoException(error))
        return fail('io', `The shared copy of this story could not be read: ${error.message}`)
      return fail('damaged', error instanceof Error ? error.message : String(error))
    }
  }

  get doc(): Y.Doc {
    return this.replica.doc
  }

  get isClosed(): boolean {
    return this.closed
  }

  get sync(): DeskSyncState {
    return this.lastSync
  }

  /**
   * The shared state for a page joining: only what its copy lacks, given that copy's state
   * vector, when this holds all the copy holds; whole otherwise (a copy of another sharing of the
   * story, or one with changes never handed over, must not be merged into this one).
   */
  answer(stateVector?: Uint8Array): DeskJoinAnswer {
    const since = stateVector && this.holdsAllOf(stateVector) ? stateVector : undefined
    return {
      shared: true,
      update: Buffer.from(Y.encodeStateAsUpdate(this.doc, since)).toString('base64'),
      sinceStateVector: since !== undefined,
      sync: this.lastSync,
      syncVersion: this.syncVersion,
    }
  }

  private holdsAllOf(stateVector: Uint8Array): boolean {
    let theirs: Map<number, number>
    try {
      theirs = Y.decodeStateVector(stateVector)
    } catch {
      return false
    }
    const ours = Y.decodeStateVector(Y.encodeStateVector(this.doc))
    return [...theirs].every(([client, clock]) => (ours.get(client) ?? 0) >= clock)
  }

  /** Connects to the desk as now set (a new address or token), or says why it cannot. */
  reach(reach: DeskReach): void {
    this.reachNow = reach
    this.link?.destroy()
    this.link = undefined
    this.reachProblem = reach.problem
    if (reach.problem === undefined)
      this.link = new DeskLink({
        address: reach.address,
        token: reach.token,
        story: this.options.id,
        doc: this.doc,
        ...(this.options.retry && { retry: this.options.retry }),
        onStanding: () => this.refreshSync(),
        onPresence: (update) => this.options.onPresence(update),
        onRefused: (refusal) => this.refused(refusal),
      })
    this.link?.setPresence(this.presence)
    this.refreshSync()
  }

  /** Resolves once the desk has every change so far, or with why not (see DeskLink). */
  confirmed(timeoutMs: number): Promise<Result<null>> {
    return this.link
      ? this.link.confirmed(timeoutMs)
      : Promise.resolve(fail('invalid-request', this.reachProblem ?? 'No desk is set.'))
  }

  /**
   * Applies a change the page made, and answers once it is kept on disk: the page may then
   * forget it. An update Yjs cannot read is refused before it touches the document.
   */
  async push(update: Uint8Array): Promise<Result<null>> {
    if (this.closed)
      return fail('invalid-request', 'This story is no longer open for editing here.')
    try {
      // Reads the whole update without applying it, so bytes that are not one change nothing.
      Y.decodeUpdate(update)
      Y.applyUpdate(this.doc, update, PAGE_ORIGIN)
    } catch {
      return fail(
        'invalid-request',
        'The change could not be read as a change to a shared story; the story was left as it was.',
      )
    }
    // The desk closed the story's connection when it refused: a change the person makes next
    // may put things right, so it goes out on a new one.
    if (this.refusalNote !== undefined) {
      this.refusalNote = undefined
      this.reach(this.reachNow)
    }
    try {
      await this.replica.kept()
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      return fail(
        isErrnoException(error) && error.code === 'ENOSPC' ? 'disk-full' : 'io',
        `The change could not be kept on this computer (${why}). It is still in the open story; it is written again with the next change.`,
      )
    }
    return ok(null)
  }

  /**
   * Makes `fields` the story's text for everyone (History's restore): one change, merged like any
   * other, and sent to the page as a change from outside it.
   */
  replace(fields: ArticleFields): void {
    writeStory(this.doc, fields)
  }

  /** Where this person's caret is, and their name and colour, for the others in the story. */
  setPresence(state: Record<string, unknown> | null): void {
    this.presence = state
    this.link?.setPresence(state)
  }

  /** Writes `article.json` now, once earlier writes are done. */
  writeNow(): Promise<void> {
    clearTimeout(this.writeTimer)
    this.writeTimer = undefined
    this.writing = this.writing.then(() => this.writeArticle())
    return this.writing
  }

  /** Writes `article.json` one last time, then lets go of the desk and the replica. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.pictureRetry.timer)
    // A picture on its way is not waited for: it is written whole or not at all, and fetched
    // again the next time the story is open.
    await this.writeNow()
    this.link?.destroy()
    this.link = undefined
    await this.replica.close()
  }

  private scheduleWrite(): void {
    this.unwritten = true
    if (this.closed) return
    clearTimeout(this.writeTimer)
    this.writeTimer = setTimeout(() => void this.writeNow(), this.options.writeDelayMs)
  }

  private async writeArticle(): Promise<void> {
    if (!this.unwritten) return
    const fields = ArticleFieldsSchema.safeParse(readStory(this.doc))
    // A state that is not an article (the desk refuses it too) leaves article.json as it was;
    // the next change that makes it one is written.
    if (!fields.success) return
    this.unwritten = false
    // A failed write (a lock held elsewhere, a full disk) is tried again at the next change, or
    // the next time the story is opened: the replica holds everything meanwhile.
    const written = await this.options.writeArticle(fields.data).catch(() => undefined)
    if (!written?.ok) this.unwritten = true
    this.exchangePictures(storyPictureNames(fields.data))
  }

  /**
   * Sends the pictures added here to the desk and brings the ones added elsewhere, in the
   * background: a 50 MB picture must not hold up the story's text. One exchange at a time; a
   * change meanwhile asks for another after it, and a picture that could not go or come (its
   * sender is still offline) is tried again a little later, then less often.
   */
  private exchangePictures(names?: string[]): void {
    const reach = this.reachNow
    if (this.closed || reach.problem !== undefined) return
    if (this.picturesExchanging) {
      this.picturesAgain = true
      return
    }
    clearTimeout(this.pictureRetry.timer)
    this.pictureRetry.timer = undefined
    this.picturesExchanging = (async () => {
      const wanted = names ?? this.pictureNames()
      if (wanted.length === 0) return
      const folder = (await this.options.relocate()) ?? this.options.folder
      const exchange = await exchangePictures(reach, folder, wanted, this.knownPictures)
      if (exchange.arrived.length > 0 && !this.closed)
        this.options.onPicturesArrived(exchange.arrived)
      if (exchange.failed.length === 0) this.pictureRetry.delayMs = PICTURE_RETRY_MS.first
      else if (!this.closed) {
        this.pictureRetry.timer = setTimeout(
          () => this.exchangePictures(),
          this.pictureRetry.delayMs,
        )
        this.pictureRetry.timer.unref()
        this.pictureRetry.delayMs = Math.min(this.pictureRetry.delayMs * 2, PICTURE_RETRY_MS.most)
      }
    })()
      // A folder that cannot be found now is looked for again at the next change.
      .catch(() => undefined)
      .finally(() => {
        this.picturesExchanging = undefined
        if (this.picturesAgain) {
          this.picturesAgain = false
          this.exchangePictures()
        }
      })
  }

  private pictureNames(): string[] {
    const fields = ArticleFieldsSchema.safeParse(readStory(this.doc))
    return fields.success ? storyPictureNames(fields.data) : []
  }

  /**
   * A status move the person's role does not allow stays in this copy until something undoes
   * it, and the desk refuses every change sent with it: nothing more typed here would reach the
   * desk. The status goes back to the one the desk last confirmed, for the page too; the desk's
   * reason stays in the save status.
   */
  private undoStatusMove(): boolean {
    if (this.confirmedStatus === undefined || storyStatus(this.doc) === this.confirmedStatus)
      return false
    this.doc.getMap(STORY_PARTS.details).set('status', this.confirmedStatus)
    return true
  }

  /**
   * The desk refused a change and closed the story's connection. Once the refused status move is
   * undone, a new connection sends the rest; anything else waits for the person's next change,
   * or the desk would only refuse it again at once.
   */
  private refused(refusal: DeskRefusal): void {
    this.refusalNote = refusal.reason
    if (refusal.problem === 'not-allowed' && this.undoStatusMove())
      // Not from inside the provider's own message handler, which the new connection replaces.
      setTimeout(() => {
        if (!this.closed) this.reach(this.reachNow)
      }, 0)
  }

  private refreshSync(): void {
    const standing = this.link?.standing() ?? {
      connected: false,
      synced: false,
      unsyncedChanges: 0,
    }
    const refusal = standing.refusal ?? this.refusalNote
    const state = deskSyncState({
      ...standing,
      ...(refusal !== undefined && { refusal }),
      ...(this.reachProblem !== undefined && { offlineReason: this.reachProblem }),
    })
    if (state.kind === 'synced') this.confirmedStatus = storyStatus(this.doc)
    if (sameSyncState(state, this.lastSync)) return
    // Back in touch with the desk: pictures that waited for it go now.
    if (state.kind === 'synced' && this.pictureRetry.timer !== undefined) this.exchangePictures()
    this.lastSync = state
    this.syncVersion++
    if (!this.closed) this.options.onSync(state, this.syncVersion)
  }
}

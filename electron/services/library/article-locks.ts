import { lock } from 'proper-lockfile'
import { readFile, rm, stat } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { formatPeopleTime } from '../../../shared/format/people-time'
import { THIS_PROCESS } from '../../../shared/library/request-context'
import type { ArticleLockState } from '../../../shared/library/article-lock'
import { fail, ok, type Result } from '../../../shared/result'
import { writeFileDurably } from '../disk/atomic-file'
import { KeyedQueue } from '../disk/keyed-queue'
import { makeFolders } from '../disk/make-folders'

/**
 * A lock not refreshed for this long belongs to an app that died (a crash, a kill, a laptop
 * closed on the network share): another desk may take the article over.
 */
export const LOCK_STALE_MS = 30_000

/**
 * Locks live beside the articles, keyed by id, not inside each article's folder: the folder
 * is renamed when the slug changes, and a lock inside it would move away from the path its
 * holder keeps refreshing (and be taken for somebody else's on the next save).
 */
export const LOCKS_FOLDER = '.locks'

const HolderSchema = z.object({
  name: z.string(),
  since: z.iso.datetime({ offset: true }),
  /** Which machine and process: a lock left by a dead process on this machine is not waited for. */
  host: z.string().optional(),
  pid: z.number().int().optional(),
  /** Which ArticleLocks took it: one that finds its own lock has lost track of it, nothing more. */
  instance: z.string().optional(),
})
type StoredHolder = z.infer<typeof HolderSchema>

interface HeldLock {
  /** The window or tab editing the article; any other one reads it locked. */
  client: string
  since: string
  release: () => Promise<void>
}

/**
 * Who is editing which article, across windows, tabs, app instances and machines sharing the
 * library folder. proper-lockfile takes the lock (an atomic mkdir, safe on network folders) and
 * keeps it fresh while held; a note beside it says who holds it and since when. Within this
 * process the lock belongs to one window or tab (a client), so two tabs on one story never both
 * edit it.
 */
export class ArticleLocks {
  private readonly held = new Map<string, HeldLock>()
  /**
   * Taking and letting go of one article's lock happen one after another: a release half done
   * (the holder note gone, the lock folder not yet) must not look like somebody else's lock to
   * the request behind it, such as the trash that follows closing an article.
   */
  private readonly queue = new KeyedQueue()
  private readonly instance = randomUUID()

  constructor(
    /** The library the locks are for: where they are kept, and where each article is. */
    private readonly library: {
      readonly root: string
      folderOf(id: string): Promise<Result<string>>
    },
    private readonly holderName: () => string,
    private readonly now: () => Date = () => new Date(),
    /** How long an unrefreshed lock lasts; shorter only in tests (proper-lockfile's least: 2 s). */
    private readonly staleMs = LOCK_STALE_MS,
  ) {}

  /** Takes the lock for editing, or says who has it. Holding it already is fine. */
  acquire(id: string, client: string = THIS_PROCESS.client): Promise<Result<ArticleLockState>> {
    return this.queue.run(id, () => {
      const mine = this.held.get(id)
      return mine ? Promise.resolve(ok(this.stateFor(mine, client))) : this.attempt(id, client)
    })
  }

  /**
   * Runs a change to an article unless somebody else (another desk, or another window or tab
   * here) has it open for editing: then it is refused as `locked`, naming who, and nothing
   * changes. A lock taken just for this change is let go after it, unless `keep` (a save: the
   * asker is editing the article).
   */
  async whileEditable<T>(
    id: string,
    client: string,
    change: () => Promise<Result<T>>,
    { keep = false } = {},
  ): Promise<Result<T>> {
    const heldAlready = this.holds(id, client)
    const lock = await this.acquire(id, client)
    if (lock.ok && !lock.value.editable) {
      const { holder } = lock.value
      const who =
        holder.elsewhere === 'window'
          ? 'This article is open for editing in another window or tab'
          : `${holder.name} has had this article open for editing`
      return fail(
        'locked',
        `${who} since ${formatPeopleTime(holder.since)}; it is read-only here.`,
        { holder },
      )
    }
    try {
      return await change()
    } finally {
      if (!heldAlready && !keep) await this.release(id, client)
    }
  }

  holds(id: string, client: string): boolean {
    return this.held.get(id)?.client === client
  }

  /** The window or tab of this process that holds the article's lock, if one does. */
  clientHolding(id: string): string | undefined {
    return this.held.get(id)?.client
  }

  private stateFor(mine: HeldLock, client: string): ArticleLockState {
    if (mine.client === client) return { editable: true }
    return {
      editable: false,
      holder: { name: this.holderName() || 'You', since: mine.since, elsewhere: 'window' },
    }
  }

  private async attempt(
    id: string,
    client: string,
    retried = false,
  ): Promise<Result<ArticleLockState>> {
    const folder = await this.library.folderOf(id)
    if (!folder.ok) return folder
    const locks = join(this.library.root, LOCKS_FOLDER)
    const file = join(locks, id)
    try {
      await makeFolders(locks)
      const since = this.now().toISOString()
      const release = await lock(file, {
        stale: this.staleMs,
        realpath: false,
        lockfilePath: `${file}.lock`,
        // A lock this app cannot refresh any more (the share went away, or another desk took
        // it over once it went stale) is given up; the next save asks for it again.
        onCompromised: () => {
          if (this.held.get(id)?.release === release) this.held.delete(id)
        },
      })
      this.held.set(id, { client, since, release })
      const holder: StoredHolder = {
        name: this.holderName() || 'someone',
        since,
        host: hostname(),
        pid: process.pid,
        instance: this.instance,
      }
      await writeFileDurably(`${file}.holder.json`, JSON.stringify(holder))
      await removeLegacyLock(folder.value)
      return ok({ editable: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        return fail(
          'io',
          `The article could not be locked for editing: ${(error as Error).message}`,
        )
      }
      const holder = await this.holderOf(file)
      // Taken by these very locks and lost track of (it could not be refreshed for a while), or
      // left by this machine's own app before it crashed: neither is someone else's, and
      // neither is waited for.
      const leftHere =
        holder.instance === this.instance ||
        (holder.host === hostname() && holder.pid !== undefined && !isRunning(holder.pid))
      if (!retried && leftHere) {
        await rm(`${file}.lock`, { recursive: true, force: true })
        return this.attempt(id, client, true)
      }
      return ok({ editable: false, holder: { name: holder.name, since: holder.since } })
    }
  }

  /** Lets go of the article, when `client` is the one holding it. */
  release(id: string, client: string = THIS_PROCESS.client): Promise<Result<null>> {
    return this.queue.run(id, async () => {
      const mine = this.held.get(id)
      if (!mine || mine.client !== client) return ok(null)
      this.held.delete(id)
      const file = join(this.library.root, LOCKS_FOLDER, id)
      await rm(`${file}.holder.json`, { force: true })
      await mine.release().catch(() => undefined)
      return ok(null)
    })
  }

  /** A window or tab has gone (closed, reloaded, crashed): its articles are free again. */
  async releaseClient(client: string): Promise<void> {
    for (const [id, mine] of [...this.held])
      if (mine.client === client) await this.release(id, client)
  }

  async releaseAll(): Promise<void> {
    for (const [id, mine] of [...this.held]) await this.release(id, mine.client)
  }

  private async holderOf(file: string): Promise<StoredHolder> {
    const parsed = HolderSchema.safeParse(
      await readFile(`${file}.holder.json`, 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => undefined),
    )
    return parsed.success ? parsed.data : { name: 'someone', since: this.now().toISOString() }
  }
}

/**
 * Copydesk once kept the lock inside the article's folder (`article.json.lock`); one left there
 * by a crash or a folder rename is only clutter now, removed once it has gone stale.
 */
async function removeLegacyLock(folder: string): Promise<void> {
  const legacy = join(folder, 'article.json.lock')
  const found = await stat(legacy).catch(() => undefined)
  if (found && Date.now() - found.mtimeMs < LOCK_STALE_MS) return
  await rm(legacy, { recursive: true, force: true }).catch(() => undefined)
  await rm(join(folder, 'lock-holder.json'), { force: true }).catch(() => undefined)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

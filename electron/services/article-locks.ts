import { lock } from 'proper-lockfile'
import { readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { writeFileDurably } from './atomic-file'
import type { Library } from './library'
import { ARTICLE_FILE } from './library-store'

/**
 * A lock not refreshed for this long belongs to an app that died (a crash, a kill, a laptop
 * closed on the network share): another desk may take the article over.
 */
export const LOCK_STALE_MS = 30_000

const HolderSchema = z.object({
  name: z.string(),
  since: z.iso.datetime({ offset: true }),
  /** Which machine and process: a lock left by a dead process on this machine is not waited for. */
  host: z.string().optional(),
  pid: z.number().int().optional(),
})
type StoredHolder = z.infer<typeof HolderSchema>
export type LockHolder = Pick<StoredHolder, 'name' | 'since'>

export type LockState = { editable: true } | { editable: false; holder: LockHolder }

const HOLDER_FILE = 'lock-holder.json'

/**
 * Who is editing which article, across app instances and machines sharing the library folder.
 * proper-lockfile takes the lock (an atomic mkdir, safe on network folders) and keeps it fresh
 * while held; a note beside it says who holds it and since when.
 */
export class ArticleLocks {
  private readonly held = new Map<string, () => Promise<void>>()
  /** Two requests for one lock at once (the page and a save) share one attempt. */
  private readonly acquiring = new Map<string, Promise<Result<LockState>>>()

  constructor(
    private readonly library: Library,
    private readonly holderName: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Takes the lock for editing, or says who has it. Holding it already is fine. */
  acquire(id: string): Promise<Result<LockState>> {
    if (this.held.has(id)) return Promise.resolve(ok({ editable: true }))
    let attempt = this.acquiring.get(id)
    if (!attempt) {
      attempt = this.attempt(id).finally(() => this.acquiring.delete(id))
      this.acquiring.set(id, attempt)
    }
    return attempt
  }

  private async attempt(id: string, retried = false): Promise<Result<LockState>> {
    const folder = await this.library.folderOf(id)
    if (!folder.ok) return folder
    const file = join(folder.value, ARTICLE_FILE)
    try {
      const release = await lock(file, {
        stale: LOCK_STALE_MS,
        realpath: false,
        // A lock this app cannot refresh any more (the share went away) is simply given up.
        onCompromised: () => this.held.delete(id),
      })
      this.held.set(id, release)
      const holder: StoredHolder = {
        name: this.holderName() || 'someone',
        since: this.now().toISOString(),
        host: hostname(),
        pid: process.pid,
      }
      await writeFileDurably(join(folder.value, HOLDER_FILE), JSON.stringify(holder))
      return ok({ editable: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        return fail(
          'io',
          `The article could not be locked for editing: ${(error as Error).message}`,
        )
      }
      const holder = await this.holderOf(folder.value)
      // Left by this machine's own app before it crashed: no need to wait for it to go stale.
      if (!retried && holder.host === hostname() && holder.pid && !isRunning(holder.pid)) {
        await rm(`${file}.lock`, { recursive: true, force: true })
        return this.attempt(id, true)
      }
      return ok({ editable: false, holder: { name: holder.name, since: holder.since } })
    }
  }

  async release(id: string): Promise<Result<null>> {
    const release = this.held.get(id)
    if (!release) return ok(null)
    this.held.delete(id)
    const folder = await this.library.folderOf(id)
    if (folder.ok) await rm(join(folder.value, HOLDER_FILE), { force: true })
    await release().catch(() => undefined)
    return ok(null)
  }

  async releaseAll(): Promise<void> {
    for (const id of [...this.held.keys()]) await this.release(id)
  }

  isHeld(id: string): boolean {
    return this.held.has(id)
  }

  private async holderOf(folder: string): Promise<StoredHolder> {
    const parsed = HolderSchema.safeParse(
      await readFile(join(folder, HOLDER_FILE), 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => undefined),
    )
    return parsed.success ? parsed.data : { name: 'someone', since: this.now().toISOString() }
  }
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

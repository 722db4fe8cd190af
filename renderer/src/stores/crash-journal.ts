import type { Clock, TimerId } from './clock'

/**
 * Unsaved edits are journaled for crash recovery at most this often: a kill loses at most this
 * much typing (a body encodes only its changed blocks, so a journal write stays cheap).
 */
export const JOURNAL_INTERVAL_MS = 750

export interface CrashJournalDependencies<Entry> {
  /** Read when a write is due, not when it is asked for, so it holds the latest typing. */
  unsaved(): Entry | undefined
  write(entry: Entry): Promise<unknown>
  clear(articleId: string): Promise<unknown>
  clock: Clock
}

/** Writes unsaved edits where a crash cannot reach them; best effort, never in the way. */
export interface CrashJournal {
  /** Writes within the interval however steadily typing goes on, never waiting for a pause. */
  scheduleWrite(): void
  /** The article's edits are saved or settled: its journal goes, after every write asked before. */
  clear(articleId: string): void
  dispose(): void
}

export function createCrashJournal<Entry>({
  unsaved,
  write,
  clear,
  clock,
}: CrashJournalDependencies<Entry>): CrashJournal {
  let timer: TimerId | undefined
  let lastWritten = 0
  let disposed = false
  /** Writes and clears go one after another, so a clear is never overtaken by a write. */
  let queue: Promise<unknown> = Promise.resolve()
  const enqueue = (task: () => Promise<unknown>) => {
    queue = queue.then(task, task)
  }

  const writeNow = () => {
    timer = undefined
    const at = clock.now()
    const entry = unsaved()
    // Nothing written, so the next edit need not wait for the interval.
    if (entry === undefined) return
    lastWritten = at
    enqueue(() => write(entry))
  }

  return {
    scheduleWrite() {
      if (timer !== undefined || disposed) return
      const wait = Math.max(0, lastWritten + JOURNAL_INTERVAL_MS - clock.now())
      timer = clock.setTimeout(writeNow, wait)
    },
    clear(articleId) {
      enqueue(() => clear(articleId))
    },
    dispose() {
      disposed = true
      clock.clearTimeout(timer)
      timer = undefined
    },
  }
}

import type { Failure, FailureKind, Result } from '../../../shared/result'
import type { Clock, TimerId } from './clock'

/** Autosave waits this long after the last keystroke. */
export const AUTOSAVE_DELAY_MS = 2_000
/** A save that failed for a reason that may pass (disk full, network share away) is tried again. */
export const RETRY_DELAY_MS = 5_000
const RETRYABLE: readonly FailureKind[] = ['io', 'disk-full', 'permission-denied']

export interface AutosaverDependencies {
  /** Saves whatever is unsaved now; `ok(true)` when nothing unsaved is left afterwards. */
  saveOnce(): Promise<Result<boolean>>
  showFailure(failure: Failure, retrying: boolean): void
  /** While true, no save starts: the person has a choice to make first (after a conflict). */
  held(): boolean
  clock: Clock
}

export interface Autosaver {
  /** Saves once typing pauses, however many edits come before. */
  edited(): void
  /** Saves now, after any save under way; true when nothing unsaved is left. */
  flush(): Promise<boolean>
  /**
   * A save, or a step taken instead of one (restoring a version), failed: shown, and saved again
   * later when the cause may pass.
   */
  failed(failure: Failure): false
  /** Drops the save waiting for its moment: what it would save is being replaced. */
  cancel(): void
  readonly saving: boolean
  /** Nothing is saved by itself any more; a save asked for with `flush` still runs. */
  dispose(): void
}

export function createAutosaver({
  saveOnce,
  showFailure,
  held,
  clock,
}: AutosaverDependencies): Autosaver {
  let timer: TimerId | undefined
  let inFlight: Promise<boolean> | undefined
  let disposed = false

  const cancel = () => {
    clock.clearTimeout(timer)
    timer = undefined
  }

  const saveAfter = (delay: number) => {
    cancel()
    if (!disposed) timer = clock.setTimeout(() => void flush(), delay)
  }

  const failed = (failure: Failure): false => {
    const retrying = !disposed && RETRYABLE.includes(failure.kind)
    showFailure(failure, retrying)
    if (retrying) saveAfter(RETRY_DELAY_MS)
    return false
  }

  /** Any surprise (a bug, a cut-off reply) still ends as a failed save the person can see. */
  const attempt = async (): Promise<boolean> => {
    try {
      const saved = await saveOnce()
      return saved.ok ? saved.value : failed(saved.error)
    } catch (error) {
      return failed({
        kind: 'io',
        message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}.`,
      })
    }
  }

  async function flush(): Promise<boolean> {
    cancel()
    // One save at a time; a request during a save runs after it, with whatever changed meanwhile.
    while (inFlight) await inFlight
    if (held()) return false
    inFlight = attempt().finally(() => (inFlight = undefined))
    return inFlight
  }

  return {
    edited: () => saveAfter(AUTOSAVE_DELAY_MS),
    flush,
    failed,
    cancel,
    get saving() {
      return inFlight !== undefined
    },
    dispose() {
      disposed = true
      cancel()
    },
  }
}

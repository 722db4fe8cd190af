import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok, type Failure, type FailureKind, type Result } from '../../../shared/result'
import { AUTOSAVE_DELAY_MS, RETRY_DELAY_MS, createAutosaver } from './autosaver'
import { pageClock } from './clock'

/**
 * A story being typed into and the disk it is saved to: each save writes the edits made up to
 * its start, and answers only when the test lets it (or at once, with `answerAtOnce`).
 */
function desk({ answerAtOnce = true, held = (): boolean => false } = {}) {
  let edits = 0
  let savedEdits = 0
  let running = 0
  const story = {
    /** The edit count each save wrote, in order. */
    saves: [] as number[],
    mostAtOnce: 0,
    failures: [] as { failure: Failure; retrying: boolean }[],
    /** Answers for the saves still to come; a save with none left succeeds. */
    answers: [] as Result<null>[],
    pending: [] as (() => void)[],
    get unsaved() {
      return edits !== savedEdits
    },
  }
  const saveOnce = async (): Promise<Result<boolean>> => {
    const writing = edits
    story.saves.push(writing)
    running += 1
    story.mostAtOnce = Math.max(story.mostAtOnce, running)
    if (!answerAtOnce) await new Promise<void>((resolve) => story.pending.push(resolve))
    running -= 1
    const answer = story.answers.shift() ?? ok(null)
    if (!answer.ok) return answer
    savedEdits = writing
    return ok(edits === savedEdits)
  }
  const autosaver = createAutosaver({
    saveOnce,
    showFailure: (failure, retrying) => story.failures.push({ failure, retrying }),
    held,
    clock: pageClock,
  })
  const type = () => {
    edits += 1
    autosaver.edited()
  }
  /** Lets the oldest save under way answer. */
  const answer = async () => {
    story.pending.shift()?.()
    await vi.advanceTimersByTimeAsync(0)
  }
  return { autosaver, story, type, answer }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the autosaver', () => {
  it('saves once typing pauses, however many keys come before', async () => {
    const { story, type } = desk()
    for (let key = 0; key < 10; key++) {
      type()
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1)
    }
    expect(story.saves).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(story.saves).toEqual([10])
    expect(story.unsaved).toBe(false)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5)
    expect(story.saves).toEqual([10])
  })

  it('runs one save at a time, then saves again what was typed during the first', async () => {
    const { autosaver, story, type, answer } = desk({ answerAtOnce: false })
    type()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(story.saves).toEqual([1])
    expect(autosaver.saving).toBe(true)

    type()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    const asked = autosaver.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(story.saves).toEqual([1])

    await answer()
    expect(story.saves).toEqual([1, 2])
    await answer()
    await answer()
    expect(await asked).toBe(true)
    expect(story.mostAtOnce).toBe(1)
    expect(story.unsaved).toBe(false)
    expect(autosaver.saving).toBe(false)
  })

  it('answers false while edits typed during a save are still unsaved', async () => {
    const { autosaver, story, type, answer } = desk({ answerAtOnce: false })
    type()
    const saved = autosaver.flush()
    await vi.advanceTimersByTimeAsync(0)
    type()
    await answer()
    expect(await saved).toBe(false)
    expect(story.unsaved).toBe(true)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    await answer()
    expect(story.saves).toEqual([1, 2])
    expect(story.unsaved).toBe(false)
  })

  it.each<FailureKind>(['io', 'disk-full', 'permission-denied'])(
    'tries again after a save failed for a reason that may pass (%s)',
    async (kind) => {
      const { story, type } = desk()
      story.answers.push(fail(kind, 'The save did not go through.'))
      type()
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
      expect(story.failures).toEqual([
        { failure: expect.objectContaining({ kind }), retrying: true },
      ])
      expect(story.unsaved).toBe(true)

      await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS - 1)
      expect(story.saves).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(story.saves).toHaveLength(2)
      expect(story.unsaved).toBe(false)
    },
  )

  it.each<FailureKind>(['invalid-request', 'locked', 'conflict', 'not-found'])(
    'does not try again after a save failed for a reason that stays (%s)',
    async (kind) => {
      const { story, type } = desk()
      story.answers.push(fail(kind, 'The save did not go through.'))
      type()
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
      expect(story.failures).toEqual([
        { failure: expect.objectContaining({ kind }), retrying: false },
      ])
      await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS * 10)
      expect(story.saves).toHaveLength(1)
      expect(story.unsaved).toBe(true)
    },
  )

  it('shows a save that threw as a failure it tries again', async () => {
    const showFailure = vi.fn()
    let throws = true
    const saveOnce = vi.fn(async () => {
      if (throws) throw new Error('reply cut off')
      return ok(true)
    })
    const autosaver = createAutosaver({
      saveOnce,
      showFailure,
      held: () => false,
      clock: pageClock,
    })
    expect(await autosaver.flush()).toBe(false)
    expect(showFailure).toHaveBeenCalledWith(
      { kind: 'io', message: 'Unexpected error: reply cut off.' },
      true,
    )
    throws = false
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS)
    expect(saveOnce).toHaveBeenCalledTimes(2)
    expect(autosaver.saving).toBe(false)
  })

  it('tries the save again after a step standing in for one failed for a reason that may pass', async () => {
    const { autosaver, story, type } = desk()
    type()
    expect(autosaver.failed({ kind: 'disk-full', message: 'The disk is full.' })).toBe(false)
    expect(story.failures).toEqual([{ failure: expect.anything(), retrying: true }])
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(story.saves).toEqual([])
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS - AUTOSAVE_DELAY_MS)
    expect(story.saves).toEqual([1])
  })

  it('saves at once when asked, and not again when the pause comes', async () => {
    const { autosaver, story, type } = desk()
    type()
    type()
    expect(await autosaver.flush()).toBe(true)
    expect(story.saves).toEqual([2])
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5)
    expect(story.saves).toEqual([2])
  })

  it('starts no save while held for the person to choose', async () => {
    let held = true
    const { autosaver, story, type } = desk({ held: () => held })
    type()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(await autosaver.flush()).toBe(false)
    expect(story.saves).toEqual([])
    held = false
    expect(await autosaver.flush()).toBe(true)
    expect(story.saves).toEqual([1])
  })

  it('drops a waiting save when cancelled', async () => {
    const { autosaver, story, type } = desk()
    type()
    autosaver.cancel()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5)
    expect(story.saves).toEqual([])
  })

  it('sets no timer going once disposed, neither for typing nor to try again', async () => {
    const { autosaver, story, type, answer } = desk({ answerAtOnce: false })
    type()
    const saved = autosaver.flush()
    type()
    autosaver.dispose()
    story.answers.push(fail('disk-full', 'The disk is full.'))
    await vi.advanceTimersByTimeAsync(0)
    await answer()
    expect(await saved).toBe(false)
    expect(story.failures).toEqual([{ failure: expect.anything(), retrying: false }])
    type()
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS * 10)
    expect(story.saves).toEqual([1])
    expect(vi.getTimerCount()).toBe(0)
  })
})

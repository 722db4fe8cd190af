import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pageClock } from './clock'
import { JOURNAL_INTERVAL_MS, createCrashJournal } from './crash-journal'

/** What the journal on disk was asked to do, in the order it did it. */
type Step = { write: string; at: number } | { clear: string }

function typing() {
  const desk = {
    text: '',
    /** Whether what is typed is still unsaved; saved text is not journaled. */
    unsaved: true,
    steps: [] as Step[],
    /** When set, writes wait for the test to let them finish. */
    holdWrites: false,
    heldWrites: [] as ((failed?: Error) => void)[],
  }
  const journal = createCrashJournal({
    unsaved: () => (desk.unsaved ? desk.text : undefined),
    write: (text) => {
      desk.steps.push({ write: text, at: Date.now() })
      if (!desk.holdWrites) return Promise.resolve()
      return new Promise<void>((resolve, reject) =>
        desk.heldWrites.push((failed) => (failed ? reject(failed) : resolve())),
      )
    },
    clear: (articleId) => {
      desk.steps.push({ clear: articleId })
      return Promise.resolve()
    },
    clock: pageClock,
  })
  const type = (text: string) => {
    desk.text += text
    journal.scheduleWrite()
  }
  return { desk, journal, type }
}

const writes = (steps: Step[]) => steps.filter((step) => 'write' in step)

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the crash journal', () => {
  it('writes the first edit at once, then at most once an interval, with the latest text', async () => {
    const { desk, type } = typing()
    const started = Date.now()
    // A key every 100 ms for 3 s, never pausing.
    for (let key = 0; key < 30; key++) {
      type(String(key % 10))
      await vi.advanceTimersByTimeAsync(100)
    }
    const written = writes(desk.steps)
    expect(written[0]).toEqual({ write: '0', at: started })
    for (const [index, step] of written.entries()) {
      if (index > 0) expect(step.at - (written[index - 1]?.at ?? 0)).toBe(JOURNAL_INTERVAL_MS)
      // Each write holds every key typed before it was written, not only those before it was due.
      expect(step.write.length).toBe(Math.max(1, Math.ceil((step.at - started) / 100)))
    }
    expect(written).toHaveLength(Math.floor(3_000 / JOURNAL_INTERVAL_MS) + 1)
    expect(desk.text.length - (written.at(-1)?.write.length ?? 0)).toBeLessThan(
      JOURNAL_INTERVAL_MS / 100,
    )
  })

  it('writes nothing when nothing is unsaved, and then does not hold back the next edit', async () => {
    const { desk, type } = typing()
    desk.unsaved = false
    type('saved already')
    await vi.advanceTimersByTimeAsync(JOURNAL_INTERVAL_MS * 4)
    expect(desk.steps).toEqual([])

    desk.unsaved = true
    const typedAt = Date.now()
    type(', and more')
    await vi.advanceTimersByTimeAsync(0)
    expect(desk.steps).toEqual([{ write: 'saved already, and more', at: typedAt }])
  })

  it('clears only after the writes asked for before it, even when one fails', async () => {
    const { desk, journal, type } = typing()
    desk.holdWrites = true
    type('first')
    await vi.advanceTimersByTimeAsync(JOURNAL_INTERVAL_MS)
    type(' second')
    await vi.advanceTimersByTimeAsync(JOURNAL_INTERVAL_MS)
    journal.clear('article-1')
    await vi.advanceTimersByTimeAsync(JOURNAL_INTERVAL_MS)
    expect(desk.steps).toEqual([expect.objectContaining({ write: 'first' })])

    desk.heldWrites.shift()?.(new Error('disk away'))
    await vi.advanceTimersByTimeAsync(0)
    expect(desk.steps).toEqual([
      expect.objectContaining({ write: 'first' }),
      expect.objectContaining({ write: 'first second' }),
    ])
    desk.heldWrites.shift()?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(desk.steps.at(-1)).toEqual({ clear: 'article-1' })
  })

  it('writes nothing more once disposed', async () => {
    const { desk, journal, type } = typing()
    type('first')
    await vi.advanceTimersByTimeAsync(0)
    type(' second')
    journal.dispose()
    type(' third')
    await vi.advanceTimersByTimeAsync(JOURNAL_INTERVAL_MS * 4)
    expect(writes(desk.steps).map((step) => step.write)).toEqual(['first'])
    expect(vi.getTimerCount()).toBe(0)
  })
})

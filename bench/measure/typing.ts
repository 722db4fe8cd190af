import type { Page } from 'playwright-core'
import { Random } from '../generate/random'
import {
  caretToMiddle,
  installTypingProbe,
  takeTypingRecord,
  type TypingRecord,
} from '../browser/probes'

/**
 * A fast typist: 50 ms between keys on average, each gap drawn between 40 and 60 ms. Keys exactly
 * 50 ms apart would each arrive at the same point of every third 60 Hz frame, so a whole round
 * would measure one phase of the frame cycle: bare TipTap's p95 at 2,000 words read anything from
 * 6 to 14 ms by the luck of where a round began, and 15–18 ms with the gaps spread.
 */
const MEAN_GAP_MS = 50
const GAP_SPREAD_MS = 20

/** A person clicks, then starts typing a moment later, when the page has drawn where they clicked. */
const CLICK_TO_FIRST_KEY_MS = 500

/**
 * Letters and spaces of ordinary prose, an Enter now and then (a new paragraph) and the odd
 * Backspace (a correction), always the same sequence.
 */
export function keystrokes(count: number): string[] {
  const prose = 'the council approved the harbour plan on monday after a long debate '
  const keys: string[] = []
  for (let index = 0; keys.length < count; index++) {
    if (index % 53 === 52) keys.push('Enter')
    else if (index % 17 === 16) keys.push('Backspace')
    else keys.push(prose[index % prose.length] ?? ' ')
  }
  return keys
}

/** The gaps before each key: the same drawn sequence for every editor. */
export function keyGaps(count: number): number[] {
  const random = new Random(count)
  return Array.from(
    { length: count },
    () => MEAN_GAP_MS - GAP_SPREAD_MS / 2 + random.next() * GAP_SPREAD_MS,
  )
}

export interface TypedRound extends TypingRecord {
  /** The first key typed at once after the caret jumped to the middle of the story. */
  firstKeyAfterJump: number
}

/**
 * Puts the caret in the middle of the story and types one key at once (what a jump into a part of
 * the story not yet drawn costs), then, a moment later, the keys, paced; returns what the page
 * recorded.
 */
export async function typeAndRecord(
  page: Page,
  editable: string,
  keys: readonly string[],
): Promise<TypedRound> {
  // Keys go to the page in front; two pages share one browser window's focus.
  await page.bringToFront()
  await page.evaluate(installTypingProbe)
  await page.evaluate(takeTypingRecord)
  await page.evaluate(caretToMiddle, editable)
  await page.keyboard.press('x')
  await page.waitForTimeout(CLICK_TO_FIRST_KEY_MS)
  const [firstKeyAfterJump = Number.NaN] = (await page.evaluate(takeTypingRecord)).latencies
  const gaps = keyGaps(keys.length)
  let due = Date.now()
  for (const [index, key] of keys.entries()) {
    due += gaps[index] ?? MEAN_GAP_MS
    const wait = due - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    await page.keyboard.press(key)
  }
  // The last keystrokes' frames.
  await page.waitForTimeout(200)
  return { ...(await page.evaluate(takeTypingRecord)), firstKeyAfterJump }
}

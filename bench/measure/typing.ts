import type { Page } from 'playwright-core'
import {
  caretToMiddle,
  installTypingProbe,
  takeTypingRecord,
  type TypingRecord,
} from '../browser/probes'

/** One key every 50 ms: a fast typist, slow enough that the figure is the editor, not a queue. */
const PACE_MS = 50

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

/** Types the keys at the caret, paced, and returns what the page recorded. */
export async function typeAndRecord(
  page: Page,
  editable: string,
  keys: readonly string[],
): Promise<TypingRecord> {
  // Keys go to the page in front; two pages share one browser window's focus.
  await page.bringToFront()
  await page.evaluate(installTypingProbe)
  await page.evaluate(caretToMiddle, editable)
  await page.evaluate(takeTypingRecord)
  const start = Date.now()
  for (const [index, key] of keys.entries()) {
    const wait = start + index * PACE_MS - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    await page.keyboard.press(key)
  }
  // The last keystrokes' frames.
  await page.waitForTimeout(200)
  return page.evaluate(takeTypingRecord)
}

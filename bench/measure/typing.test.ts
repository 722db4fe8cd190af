import { describe, expect, it } from 'vitest'
import { keyGaps } from './typing'

const FRAME_MS = 1000 / 60

/** How many keys land in each quarter of a 60 Hz frame, typing from time 0. */
function phaseQuarters(gaps: readonly number[]): number[] {
  const quarters = [0, 0, 0, 0]
  let at = 0
  for (const gap of gaps) {
    at += gap
    const quarter = Math.floor(((at % FRAME_MS) / FRAME_MS) * 4)
    quarters[quarter] = (quarters[quarter] ?? 0) + 1
  }
  return quarters
}

describe('typing pace', () => {
  it('is a fast typist: 40–60 ms between keys, 50 on average', () => {
    const gaps = keyGaps(300)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60)
    expect(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length).toBeCloseTo(50, 0)
  })

  it('lands keys all over the frame cycle, so a round does not measure one phase of it', () => {
    // Gaps of exactly 50 ms (three frames) would put all 300 keys in one quarter.
    expect(phaseQuarters(Array.from({ length: 300 }, () => 50))).toContain(300)
    for (const keys of phaseQuarters(keyGaps(300))) expect(keys).toBeGreaterThan(300 * 0.15)
  })

  it('is the same sequence for every editor it is measured on', () => {
    expect(keyGaps(300)).toEqual(keyGaps(300))
  })
})

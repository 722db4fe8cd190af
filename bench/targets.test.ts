import { describe, expect, it } from 'vitest'
import { FRAME_FLOOR } from './measure/editor'
import type { Figure } from './support/figure'
import { applyTargets } from './targets'

function figure(
  group: string,
  name: string,
  p50: number,
  p95: number,
  baseline?: number[],
): Figure {
  return {
    group,
    name,
    unit: 'ms',
    samples: 1,
    p50,
    p95,
    max: p95,
    ...(baseline && {
      baseline: { name: 'bare TipTap', p50: baseline[0] ?? 0, p95: baseline[1] ?? 0 },
      ratio: p50 / (baseline[0] ?? 1),
    }),
  }
}

describe('applyTargets', () => {
  it('holds typing to 1.1× bare TipTap’s p95, and at 20,000 words to the frame clock + 3 ms', () => {
    const [floor, at2k, at20k] = applyTargets([
      figure('Typing (key to painted frame)', FRAME_FLOOR, 5, 16),
      figure('Typing (key to painted frame)', '2,000 words', 10, 18, [7, 17]),
      figure('Typing (key to painted frame)', '20,000 words', 14, 21, [13, 20]),
    ])
    expect(floor?.target).toBeUndefined()
    expect(at2k?.target?.met).toBe(true)
    // Within 1.1× bare TipTap (22 ms), but 2 ms over the empty textarea's 16 + 3.
    expect(at20k?.target).toMatchObject({ met: false })
    expect(at20k?.target?.text).toContain('19.0 ms')
  })

  it('holds opens, first keys, start, a suggesting paste and the heap to their ratios', () => {
    const figures = applyTargets([
      figure('Open', '2,000 words', 44, 50, [30, 35]),
      figure('Open', '20,000 words', 280, 290, [200, 210]),
      figure(
        'Typing (first key after the caret jumps to the middle)',
        '50,000 words',
        70,
        70,
        [27, 27],
      ),
      figure('Start', 'host start to an editable 20,000-word story', 900, 950, [500, 550]),
      figure('Paste 1 MB of HTML', 'into the body, suggesting', 1500, 1600, [1100, 1200]),
      figure('JS heap', '50,000-word story open', 44, 44, [17, 17]),
    ])
    expect(figures.map((each) => each.target?.met)).toEqual([true, false, false, true, true, false])
    // The open at 20,000 words keeps its fixed target too.
    expect(figures[1]?.target?.text).toBe('p50 < 300 ms and ≤ 1.3× the baseline')
  })
})

import { median, percentile } from './stats'

/** One measured figure, beside its baseline from the same run. */
export interface Figure {
  group: string
  name: string
  unit: 'ms' | 'MB'
  samples: number
  p50: number
  p95: number
  max: number
  baseline?: { name: string; p50: number; p95: number }
  /** p50 over the baseline's p50. */
  ratio?: number
  target?: { text: string; met: boolean }
}

export function figureOf(
  group: string,
  name: string,
  taken: readonly number[],
  baseline?: { name: string; taken: readonly number[] },
  unit: Figure['unit'] = 'ms',
): Figure {
  const p50 = median(taken)
  const figure: Figure = {
    group,
    name,
    unit,
    samples: taken.length,
    p50,
    p95: percentile(taken, 95),
    max: Math.max(...taken),
  }
  if (baseline) {
    const baselineP50 = median(baseline.taken)
    figure.baseline = {
      name: baseline.name,
      p50: baselineP50,
      p95: percentile(baseline.taken, 95),
    }
    figure.ratio = p50 / baselineP50
  }
  return figure
}

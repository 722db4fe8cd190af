/** Summaries of timed samples. Benchmarks report medians and tails, never a single run. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] as number
}

export const median = (samples: readonly number[]) => percentile(samples, 50)

/** Milliseconds with sensible precision for a table. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—'
  if (value >= 100) return `${value.toFixed(0)} ms`
  if (value >= 10) return `${value.toFixed(1)} ms`
  return `${value.toFixed(2)} ms`
}

export function ratio(value: number, baseline: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return '—'
  return `${Number((value / baseline).toPrecision(2))}×`
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await work()
  return [value, performance.now() - start]
}

/** Prints rows as an aligned text table (and returns it, for the results file). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  )
}

import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { cpus, platform, release, totalmem } from 'node:os'
import type { Figure } from './figure'
import { ratio, table } from './stats'

export interface Report {
  date: string
  commit: string
  machine: string
  browser: string
  options: Record<string, unknown>
  figures: Figure[]
}

export function describeMachine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.versions.node}`
}

export function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

const value = (figure: Figure, amount: number) =>
  !Number.isFinite(amount)
    ? '—'
    : figure.unit === 'MB'
      ? `${amount.toFixed(1)} MB`
      : amount >= 100
        ? `${amount.toFixed(0)} ms`
        : `${amount.toFixed(1)} ms`

export function formatFigures(figures: readonly Figure[]): string {
  return table(
    ['figure', 'p50', 'p95', 'max', 'n', 'baseline p50 / p95', 'ratio', 'target'],
    figures.map((figure) => [
      `${figure.group}: ${figure.name}`,
      value(figure, figure.p50),
      value(figure, figure.p95),
      value(figure, figure.max),
      String(figure.samples),
      figure.baseline
        ? `${value(figure, figure.baseline.p50)} / ${value(figure, figure.baseline.p95)} (${figure.baseline.name})`
        : '',
      figure.baseline ? ratio(figure.p50, figure.baseline.p50) : '',
      figure.target ? `${figure.target.met ? 'met' : 'MISSED'}: ${figure.target.text}` : '',
    ]),
  )
}

function markdown(report: Report): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|')
  const rows = report.figures.map((figure) =>
    [
      `${figure.group}: ${figure.name}`,
      value(figure, figure.p50),
      value(figure, figure.p95),
      value(figure, figure.max),
      figure.baseline
        ? `${value(figure, figure.baseline.p50)} / ${value(figure, figure.baseline.p95)}`
        : '',
      figure.baseline?.name ?? '',
      figure.baseline ? ratio(figure.p50, figure.baseline.p50) : '',
      figure.target ? `${figure.target.met ? '✓' : '✗'} ${figure.target.text}` : '',
    ]
      .map(cell)
      .join(' | '),
  )
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${report.date} at commit \`${report.commit}\`.`,
    '',
    `- Machine: ${report.machine}`,
    `- Browser: ${report.browser}`,
    `- Options: \`${JSON.stringify(report.options)}\``,
    '',
    'Each figure is the median (p50) and 95th percentile of its samples, beside a baseline',
    'measured in the same run on the same machine; the ratio is p50 over the baseline p50.',
    'Targets are reported, never asserted.',
    '',
    '| figure | p50 | p95 | max | baseline p50 / p95 | baseline | ratio | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n')
}

export async function writeReport(report: Report, jsonPath: string, markdownPath: string) {
  // `--out` may name a folder that is not there yet: minutes of measuring must not be lost.
  await mkdir(dirname(jsonPath), { recursive: true })
  await mkdir(dirname(markdownPath), { recursive: true })
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`)
  await writeFile(markdownPath, markdown(report))
}

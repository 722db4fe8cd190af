import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { QUICK, runBenchmarks } from '../bench/run'
import { expect, test } from '@playwright/test'
import { findBrowser, NO_BROWSER_MESSAGE } from './find-browser'

const EVERY_GROUP = [
  'Open',
  'Typing (key to painted frame)',
  'Typing (first key after the caret jumps to the middle)',
  'Autosave (page main thread)',
  'Autosave (to a durable file)',
  "Autosave (main's time to a durable file)",
  'Paste 0.05 MB of HTML',
  'JS heap',
  'History: first list after a start',
  'Export',
  'Start',
  'Library',
]

// One tiny round of the whole harness: every figure is produced and is a positive number.
// No timing is asserted; the figures themselves are for `npm run bench`.
test('the benchmark harness produces every figure, each beside its baseline', async () => {
  const browser = findBrowser()
  // Skip reason: the harness drives a real Chromium; without one it cannot run (the message says
  // how to get one). CI installs Chromium, so it runs there.
  test.skip(!browser, NO_BROWSER_MESSAGE)
  test.setTimeout(300_000)
  const out = mkdtempSync(join(tmpdir(), 'copydesk-bench-smoke-'))
  try {
    const report = await runBenchmarks({ ...QUICK, out })
    expect([...new Set(report.figures.map((figure) => figure.group))]).toEqual(
      expect.arrayContaining(EVERY_GROUP),
    )
    for (const figure of report.figures) {
      const label = `${figure.group}: ${figure.name}`
      expect(figure.samples, label).toBeGreaterThan(0)
      for (const value of [figure.p50, figure.p95, figure.max])
        expect(value, label).toBeGreaterThan(0)
      if (figure.baseline) {
        // A baseline's median may sit under the page clock's 0.1 ms step (bare TipTap's key
        // handler); its p95 is measured above it.
        expect(figure.baseline.p95, label).toBeGreaterThan(0)
        expect(figure.ratio, label).toBeGreaterThan(0)
      }
    }
    const typing = report.figures.filter((figure) => figure.group.startsWith('Typing (key'))
    expect(typing.some((figure) => figure.baseline?.name === 'bare TipTap')).toBe(true)
    expect(typing.some((figure) => figure.name.endsWith('plain textarea'))).toBe(true)
    expect(typing.some((figure) => figure.name.startsWith('an empty textarea'))).toBe(true)
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))
    expect(written.figures).toHaveLength(report.figures.length)
    expect(written.commit).toMatch(/^[0-9a-f]{7,}|unknown$/)
    expect(existsSync(join(out, 'RESULTS.md'))).toBe(true)
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

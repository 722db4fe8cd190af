/**
 * The benchmark harness: Copydesk in the browser host, in Debian's Chromium, against baselines
 * measured in the same run (bare TipTap, a plain textarea, a linear scan, raw file writes).
 *
 *   npm run bench                 the full run: 2,000 / 20,000 / 50,000-word stories, 3 rounds,
 *                                 300 keystrokes each, a 10,000-article library
 *   npm run bench -- --quick      one tiny round of everything (what the CI smoke test runs)
 *   npm run bench -- --imports    import quality on real pages instead (see bench/imports.ts)
 *   npm run bench -- --desk       the desk server under load instead (see bench/desk.ts)
 *   npm run bench -- --desk-scale two desk servers on PostgreSQL and Redis, 50 to 500 writers (bench/desk-scale.ts)
 *   npm run bench -- --sizes 20000,50000 --rounds 1 --keys 150 --skip export,start,library,history
 *                                 part of it, while working on one figure
 *
 * Prints a table and writes bench/results.json and bench/RESULTS.md.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../electron/services/library/library-store'
import { startBaselinePage } from './browser/baseline-page'
import { startCopydesk } from './browser/copydesk-host'
import { browserName, launchBenchBrowser, newBenchPage } from './browser/new-page'
import { generateLibrary } from './generate/library'
import { DESK_FULL, DESK_QUICK, runDeskBench } from './desk'
import { DESK_SCALE_FULL, DESK_SCALE_QUICK, runDeskScaleBench } from './desk-scale'
import { runImportBench } from './imports'
import { createBenchArticles } from './measure/bench-articles'
import { measureEditor } from './measure/editor'
import { measureHistory } from './measure/history'
import { measureExport } from './measure/export'
import { measureLibrary } from './measure/library-search'
import { measureStart } from './measure/start'
import { numberArgument, stringArgument } from './support/args'
import type { Figure } from './support/figure'
import {
  currentCommit,
  describeMachine,
  formatFigures,
  writeReport,
  type Report,
} from './support/report'
import { applyTargets } from './targets'

export interface BenchOptions {
  sizes: number[]
  rounds: number
  keys: number
  libraryArticles: number
  queries: number
  pictures: number
  pasteBytes: number
  /** Parts to leave out: `export`, `start`, `library`. */
  skip?: string[]
  /** Where results.json and RESULTS.md go. */
  out: string
  log?: (line: string) => void
}

export const FULL: Omit<BenchOptions, 'out'> = {
  sizes: [2_000, 20_000, 50_000],
  rounds: 3,
  keys: 300,
  libraryArticles: 10_000,
  queries: 300,
  pictures: 10,
  pasteBytes: 1_000_000,
}

export const QUICK: Omit<BenchOptions, 'out'> = {
  sizes: [300],
  rounds: 1,
  keys: 12,
  libraryArticles: 30,
  queries: 5,
  pictures: 2,
  pasteBytes: 50_000,
}

export async function runBenchmarks(options: BenchOptions): Promise<Report> {
  const log = options.log ?? (() => undefined)
  const browser = await launchBenchBrowser()
  const temp = await mkdtemp(join(tmpdir(), 'copydesk-bench-'))
  const library = join(temp, 'library')
  const config = join(temp, 'config')
  const store = new LibraryStore(library)
  const figures: Figure[] = []
  const baselinePage = await startBaselinePage()
  try {
    log('Writing the benchmark stories …')
    const articles = await createBenchArticles(store, options.sizes, options.rounds)
    const other = (await createBenchArticles(store, [200], 1, 'Warm-up story')).get(200)?.[0]
    if (!other) throw new Error('the warm-up story was not created')
    const pasteSize = options.sizes[0] ?? 2_000
    const pasteInto =
      (await createBenchArticles(store, [pasteSize], options.rounds * 2, 'Paste story')).get(
        pasteSize,
      ) ?? []

    const host = await startCopydesk(library, config)
    try {
      const app = await newBenchPage(browser)
      const baseline = await newBenchPage(browser)
      await app.goto(host.url)
      await baseline.goto(baselinePage.url)
      log('Typing, opening, saving, pasting …')
      figures.push(
        ...(await measureEditor({
          app,
          baseline,
          articles,
          other,
          pasteInto,
          pasteBytes: options.pasteBytes,
          keys: options.keys,
          scratch: temp,
          host,
        })),
      )
      await app.close()
      await baseline.close()
      if (!options.skip?.includes('export')) {
        log('Exporting a picture package …')
        figures.push(...(await measureExport(store, host, options.rounds, options.pictures)))
      }
    } finally {
      await host.stop()
    }

    if (!options.skip?.includes('history')) {
      log('Listing versions after a start …')
      const longest = Math.max(...options.sizes)
      // A story of its own: the ones typed into above have versions of their own already.
      const story = (await createBenchArticles(store, [longest], 1, 'History story')).get(longest)
      if (!story?.[0]) throw new Error('the history story was not created')
      figures.push(...(await measureHistory(store, story[0], longest, options.rounds)))
    }

    const middle = articles.get(options.sizes[Math.min(1, options.sizes.length - 1)] ?? 0)?.[0]
    if (middle && !options.skip?.includes('start')) {
      log('Starting the host …')
      figures.push(
        ...(await measureStart(browser, library, config, baselinePage.url, middle, options.rounds)),
      )
    }

    if (!options.skip?.includes('library')) {
      log(
        `Generating (or reusing) a ${options.libraryArticles.toLocaleString('en')}-article library …`,
      )
      const large = await generateLibrary(
        join(tmpdir(), `copydesk-bench-library-${options.libraryArticles}`),
        options.libraryArticles,
      )
      // Kept between runs, as a person's index is: the first run builds it.
      const largeConfig = join(tmpdir(), `copydesk-bench-config-${options.libraryArticles}`)
      const largeHost = await startCopydesk(large.root, largeConfig)
      try {
        log('Listing and searching it …')
        figures.push(
          ...(await measureLibrary(
            largeHost,
            large.root,
            options.libraryArticles,
            options.queries,
          )),
        )
      } finally {
        await largeHost.stop()
      }
    }
  } finally {
    await baselinePage.close()
    await browser.close()
    await rm(temp, { recursive: true, force: true })
  }

  const report: Report = {
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: describeMachine(),
    browser: browserName(browser),
    options: { ...options, log: undefined, out: undefined },
    figures: applyTargets(figures),
  }
  await writeReport(report, join(options.out, 'results.json'), join(options.out, 'RESULTS.md'))
  return report
}

async function main() {
  if (process.argv.includes('--desk')) {
    const deskOptions = process.argv.includes('--quick') ? DESK_QUICK : DESK_FULL
    const report = await runDeskBench({
      ...deskOptions,
      out: stringArgument(process.argv, 'out') ?? __dirname,
      log: (line) => console.log(line),
    })
    console.log(`\n${report.machine}; ${report.browser}; commit ${report.commit}\n`)
    console.log(formatFigures(report.figures))
    return
  }
  if (process.argv.includes('--desk-scale')) {
    const scaleOptions = process.argv.includes('--quick') ? DESK_SCALE_QUICK : DESK_SCALE_FULL
    const report = await runDeskScaleBench({
      ...scaleOptions,
      out: stringArgument(process.argv, 'out') ?? __dirname,
      log: (line) => console.log(line),
    })
    console.log(`\n${report.machine}; ${report.browser}; commit ${report.commit}\n`)
    console.log(formatFigures(report.figures))
    return
  }
  if (process.argv.includes('--imports')) {
    console.log(await runImportBench(stringArgument(process.argv, 'out') ?? __dirname, console.log))
    return
  }
  const quick = process.argv.includes('--quick')
  const base = quick ? QUICK : FULL
  const report = await runBenchmarks({
    ...base,
    rounds: numberArgument(process.argv, 'rounds', base.rounds),
    keys: numberArgument(process.argv, 'keys', base.keys),
    sizes:
      stringArgument(process.argv, 'sizes')?.split(',').map(Number).filter(Number.isFinite) ??
      base.sizes,
    skip: stringArgument(process.argv, 'skip')?.split(','),
    libraryArticles: numberArgument(process.argv, 'articles', base.libraryArticles),
    out: stringArgument(process.argv, 'out') ?? __dirname,
    log: (line) => console.log(line),
  })
  console.log(`\n${report.machine}; ${report.browser}; commit ${report.commit}\n`)
  console.log(formatFigures(report.figures))
}

if (require.main === module)
  void main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })

/**
 * The desk in the real app: browser hosts (`copydesk serve`), each with its own library and
 * settings as two people's machines have, pointed at the bench's desk server and driven in
 * Chromium.
 * - Open in the app: a library click to an editable, painted body, for a story shared with the
 *   desk against the same story not shared, each after another story so that each loads afresh.
 * - Keystroke page to page: a key pressed in a page of one machine to its painted arrival in a
 *   page of the other, while the other writers (Node clients, as in desk.ts) type into paragraphs
 *   of their own at the same pace.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Article } from '../../shared/article'
import { LibraryStore } from '../../electron/services/library/library-store'
import { startCopydesk, type RunningCopydesk } from '../browser/copydesk-host'
import { newBenchPage } from '../browser/new-page'
import {
  arrivals,
  keyPresses,
  openFromLibrary,
  watchKeyPresses,
  watchParagraph,
} from '../browser/probes'
import { figureOf, type Figure } from '../support/figure'
import { createBenchArticles, withoutFigures, type BenchArticle } from './bench-articles'
import {
  atTypingPace,
  connect,
  firstOwnParagraph,
  ownParagraphStart,
  sleep,
  story,
  typeAtEnd,
  TYPED_CHARACTER,
  until,
  type CopydeskDesk,
} from './desk-clients'
import { openInApp } from './editor'

export interface DeskPagesOptions {
  browser: Browser
  desk: CopydeskDesk
  /** A temp folder for the machines' libraries and settings; the caller removes it. */
  scratch: string
  writers: number[]
  keys: number
  openWords: number
  openRounds: number
  /** Keystroke latencies of Node clients through the same desk, by writer count: the baselines. */
  throughTheDesk: Map<number, number[]>
  log: (line: string) => void
}

const BODY = '[aria-label="Body"][contenteditable="true"]'
const TIMEOUT_MS = 30_000

/** A browser host on its own library and settings, connected to the desk as `name`. */
async function startMachine(
  desk: CopydeskDesk,
  library: string,
  configDir: string,
  name: string,
  token: string,
): Promise<RunningCopydesk> {
  await mkdir(library, { recursive: true })
  const host = await startCopydesk(library, configDir)
  try {
    // The name too, so that the first-run question does not stand over the story.
    await host.invoke('settings:update', { deskAddress: desk.url, displayName: name })
    await host.invoke('desk:set-token', { token })
    return host
  } catch (error) {
    await host.stop()
    throw error
  }
}

/** Waits until the page says its shared story is in step with the desk. */
async function untilSynced(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[aria-label="Save status"]')?.textContent === 'Synced',
    undefined,
    { timeout: TIMEOUT_MS },
  )
}

/**
 * The wall clock, to the microsecond, as a page reads it too. The global `performance`, not
 * node:perf_hooks': functions sent to the page are compiled with the names this file imports.
 */
const wallClock = () => performance.timeOrigin + performance.now()

/**
 * How far the page's wall clock is from Node's, from the probe with the shortest round trip: the
 * page's reading is taken to be at the middle of it, so `uncertainty` is half the round trip.
 */
async function pageClockOffset(page: Page): Promise<{ offset: number; uncertainty: number }> {
  let best = { offset: 0, uncertainty: Infinity }
  for (let probe = 0; probe < 20; probe++) {
    const before = wallClock()
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now())
    const after = wallClock()
    if ((after - before) / 2 < best.uncertainty)
      best = { offset: inPage - (before + after) / 2, uncertainty: (after - before) / 2 }
  }
  return best
}

/**
 * Opens shared, then the same story not shared, each after `other`, `rounds` times, after a round
 * not counted: the first shared open of a session also loads main's desk code and the page's
 * collaboration code (over a second), which would land on the shared side only.
 */
async function opensInTheApp(
  browser: Browser,
  host: RunningCopydesk,
  stories: { shared: BenchArticle; local: BenchArticle; other: BenchArticle },
  rounds: number,
): Promise<{ shared: number[]; local: number[] }> {
  const page = await newBenchPage(browser)
  try {
    await page.goto(host.url)
    const taken = { shared: [] as number[], local: [] as number[] }
    for (let round = 0; round <= rounds; round++) {
      for (const kind of ['shared', 'local'] as const) {
        await openInApp(page, stories.other)
        const opened = await openInApp(page, stories[kind])
        if (round > 0) taken[kind].push(opened)
      }
    }
    return taken
  } finally {
    await page.close()
  }
}

/** A page of `host` with the story open and in step with the desk. */
async function pageWithStory(
  browser: Browser,
  host: RunningCopydesk,
  headline: string,
  marker: string,
): Promise<Page> {
  const page = await newBenchPage(browser)
  try {
    await page.goto(host.url)
    await page.evaluate(openFromLibrary, [headline, marker] as [string, string])
    await untilSynced(page)
    return page
  } catch (error) {
    await page.close()
    throw error
  }
}

interface Machines {
  /** Writes the story and sends it to the desk; its page types. */
  reporter: RunningCopydesk
  /** Brings the story from the desk; its page watches the reporter's keys arrive. */
  editor: RunningCopydesk
}

/**
 * The reporter's page types into the first of the writers' paragraphs, the Node clients into the
 * others; the editor's page times the reporter's keys as they show. Key k's latency is the
 * editor's page first showing k + 1 of them, less the wall-clock time just before it was pressed.
 */
async function keystrokesPageToPage(
  browser: Browser,
  desk: CopydeskDesk,
  { reporter, editor }: Machines,
  writers: number,
  keys: number,
  log: (line: string) => void,
): Promise<number[]> {
  const fields = story(2_000, 7, writers)
  const headline = `Keystroke story, ${writers} writers`
  // No figures: their picture is in no folder, and the desk would be asked for it again and again.
  const { id } = await reporter.invoke<Article>('article:create', {
    ...fields,
    headline,
    body: withoutFigures(fields.body),
  })
  await reporter.invoke('desk:send', { id })
  await editor.invoke('desk:open-story', { id })

  const first = firstOwnParagraph(fields, writers)
  const reporterParagraph = ownParagraphStart(0, writers)
  // The last paragraph: when it shows, this story (not another writer count's) has loaded.
  const marker = ownParagraphStart(writers - 1, writers)
  const nodeWriters = Array.from({ length: writers - 1 }, () => connect(desk, id))
  const pages: Page[] = []
  try {
    await Promise.all(nodeWriters.map((client) => client.synced))
    const writing = await pageWithStory(browser, reporter, headline, marker)
    pages.push(writing)
    const reading = await pageWithStory(browser, editor, headline, marker)
    pages.push(reading)
    await reading.evaluate(watchParagraph, [reporterParagraph, TYPED_CHARACTER] as [string, string])
    await writing.evaluate(watchKeyPresses, TYPED_CHARACTER)
    const clock = await pageClockOffset(reading)
    const writingClock = await pageClockOffset(writing)
    log(
      `  the pages' clocks are ${clock.offset.toFixed(2)} and ${writingClock.offset.toFixed(2)} ms from Node's (± ${Math.max(clock.uncertainty, writingClock.uncertainty).toFixed(2)} ms)`,
    )
    await writing.locator(BODY).locator('p', { hasText: reporterParagraph }).click()
    await writing.keyboard.press('End')

    await Promise.all([
      atTypingPace(0, writers, keys, () => writing.keyboard.type(TYPED_CHARACTER)),
      ...nodeWriters.map((client, index) =>
        atTypingPace(index + 1, writers, keys, () => typeAtEnd(client, first + index + 1)),
      ),
    ])
    let shown: number[] = []
    await until(async () => {
      shown = await reading.evaluate(arrivals)
      return shown.length >= keys
    })
    if (shown.length < keys) log(`  only ${shown.length} of ${keys} keys arrived in 30 s`)
    // From the keydown in the writing page (not from when the browser's automation was asked to
    // press it) to the painted frame in the reading page, each in Node's clock.
    const pressed = await writing.evaluate(keyPresses)
    return pressed.flatMap((at, key) => {
      const seen = shown[key]
      return seen === undefined ? [] : [seen - clock.offset - (at - writingClock.offset)]
    })
  } finally {
    await Promise.all(pages.map((page) => page.close()))
    nodeWriters.forEach((client) => client.destroy())
    // The machines finish with the story (its sessions close, article.json is written) before
    // the next one is measured, rather than during it.
    await sleep(1_000)
  }
}

export async function measureDeskPages(options: DeskPagesOptions): Promise<Figure[]> {
  const { browser, desk, scratch } = options
  const words = options.openWords.toLocaleString('en')
  const reporterLibrary = join(scratch, 'reporter-library')
  const store = new LibraryStore(reporterLibrary)
  options.log(`Writing two ${words}-word stories for the app …`)
  const copies = await createBenchArticles(store, [options.openWords], 2, 'Desk story')
  const [shared, local] = copies.get(options.openWords) ?? []
  const other = (await createBenchArticles(store, [200], 1, 'Warm-up story')).get(200)?.[0]
  if (!shared || !local || !other) throw new Error('the stories to open were not created')

  const figures: Figure[] = []
  const reporter = await startMachine(
    desk,
    reporterLibrary,
    join(scratch, 'reporter-config'),
    'Bench Writer',
    desk.token,
  )
  try {
    const editor = await startMachine(
      desk,
      join(scratch, 'editor-library'),
      join(scratch, 'editor-config'),
      'Bench Editor',
      desk.editorToken,
    )
    try {
      for (const writers of options.writers) {
        options.log(`${writers} writers, one of them in a page, another page watching …`)
        const latencies = await keystrokesPageToPage(
          browser,
          desk,
          { reporter, editor },
          writers,
          options.keys,
          options.log,
        )
        const figure = figureOf('Desk: keystroke page to page', `${writers} writers`, latencies, {
          name: 'Node clients through the desk server',
          taken: options.throughTheDesk.get(writers) ?? [],
        })
        if (writers === 10) figure.target = { text: 'p95 under 100 ms', met: figure.p95 < 100 }
        figures.push(figure)
      }
    } finally {
      await editor.stop()
    }

    options.log(`Opening a ${words}-word story in the app, shared and not …`)
    await reporter.invoke('desk:send', { id: shared.article.id })
    const opens = await opensInTheApp(
      browser,
      reporter,
      { shared, local, other },
      options.openRounds,
    )
    const open = figureOf('Desk: open in the app', `${words} words, shared`, opens.shared, {
      name: 'the same story, not shared',
      taken: opens.local,
    })
    open.target = { text: 'within 1.5x of local', met: (open.ratio ?? Infinity) <= 1.5 }
    figures.push(open)
  } finally {
    await reporter.stop()
  }
  return figures
}

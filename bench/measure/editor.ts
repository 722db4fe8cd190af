import type { CDPSession, Page } from 'playwright-core'
import { writeFileDurably } from '../../electron/services/disk/atomic-file'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { caretToMiddle, openFromLibrary, pasteHtml, takeSaveMeasures } from '../browser/probes'
import { LARGE_PASTE_CHARACTERS } from '../../renderer/src/editor/clean-paste'
import type { RunningCopydesk } from '../browser/copydesk-host'
import { figureOf, type Figure } from '../support/figure'
import { withoutFigures, type BenchArticle } from './bench-articles'
import { keystrokes, typeAndRecord } from './typing'

const BODY = '[aria-label="Body"][contenteditable="true"]'
const SAVES_PER_ROUND = 10
const BARE_TIPTAP = '#tiptap .ProseMirror'
/** The typing figure of an empty textarea, typed into between the editors. */
export const FRAME_FLOOR = 'an empty textarea (the frame clock alone)'

export interface EditorBenchOptions {
  app: Page
  baseline: Page
  articles: Map<number, BenchArticle[]>
  /** Opened between measured opens, so each open loads a story afresh. */
  other: BenchArticle
  pasteBytes: number
  /** Stories to paste into: even ones as typed, odd ones with suggestions on. */
  pasteInto: BenchArticle[]
  keys: number
  /** A temp folder for the durable-write baseline. */
  scratch: string
  /** The browser host the app page talks to, for main's own share of each save. */
  host: RunningCopydesk
}

/** Opens the story from the library list; resolves with the time to an editable, painted body. */
export const openInApp = (page: Page, article: BenchArticle) =>
  page.evaluate(openFromLibrary, [article.article.headline, article.marker] as [string, string])

async function suggestEdits(page: Page, on: boolean): Promise<void> {
  const button = page.getByRole('button', { name: 'Suggest edits' })
  if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click()
}

/**
 * The steps of main's save, as the host reports them: reading the request, checking it against
 * the contract, finding the article, writing it durably, and recording the version.
 */
const SAVE_STEPS = ['read', 'check', 'locate', 'write', 'versions'] as const

/** Waits until the page has finished `count` saves since its measures were last taken. */
async function waitForSaves(page: Page, count: number): Promise<void> {
  try {
    await page.waitForFunction(
      (wanted) => performance.getEntriesByName('copydesk:save-durable').length >= wanted,
      count,
      { timeout: 60_000 },
    )
  } catch {
    const picture = join(tmpdir(), 'copydesk-bench-failure.png')
    await page.screenshot({ path: picture })
    const status = await page.getByRole('status', { name: 'Save status' }).textContent()
    throw new Error(`the story did not save: "${status}" (see ${picture})`)
  }
}

/**
 * What a durable save costs at the least: the same bytes written atomically (temp file, fsync,
 * rename, folder fsync) straight from Node, without the page, HTTP, validation or history.
 */
async function durableWrite(folder: string, bytes: number): Promise<number> {
  const start = performance.now()
  await writeFileDurably(join(folder, 'durable.json'), Buffer.alloc(bytes, 97))
  return performance.now() - start
}

async function heapMB(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage')
  const { usedSize } = await session.send('Runtime.getHeapUsage')
  return usedSize / 2 ** 20
}

/** One paragraph of HTML repeated to about `bytes`, as a page copied from the web would be. */
function pastedHtml(bytes: number): string {
  const paragraph =
    '<p>The <b>council</b> approved the <i>harbour</i> plan on Monday after a <a href="https://example.org/debate">long debate</a>, and the mayor said work would start in spring.</p>'
  return paragraph.repeat(Math.ceil(bytes / paragraph.length))
}

export async function measureEditor(options: EditorBenchOptions): Promise<Figure[]> {
  const { app, baseline, articles, other, scratch } = options
  const figures: Figure[] = []
  const keys = keystrokes(options.keys)
  const appSession = await app.context().newCDPSession(app)
  const baselineSession = await baseline.context().newCDPSession(baseline)
  // What the frame clock alone costs a key: the wait for the next frame, and drawing it.
  const frameFloor: number[] = []

  for (const [words, copies] of articles) {
    const size = `${words.toLocaleString('en')} words`
    const bareDoc = withoutFigures(copies[0]?.article.body ?? { type: 'doc' })
    const text = JSON.stringify(bareDoc)

    // Open: a library click to an editable, painted story; bare TipTap mounting the same story.
    const opens: number[] = []
    const bareOpens: number[] = []
    for (const copy of copies) {
      await openInApp(app, other)
      opens.push(await openInApp(app, copy))
      bareOpens.push(await baseline.evaluate((doc) => window.baselines.openTiptap(doc), bareDoc))
    }
    figures.push(figureOf('Open', size, opens, { name: 'bare TipTap mounts it', taken: bareOpens }))

    // Typing, with suggestions and house style on, against bare TipTap and a textarea.
    const typed: number[] = []
    const handlers: number[] = []
    const bareTyped: number[] = []
    const bareHandlers: number[] = []
    const textareaTyped: number[] = []
    const jumps: number[] = []
    const bareJumps: number[] = []
    const saveMain: number[] = []
    const saveDurable: number[] = []
    const saveInMain: number[] = []
    const saveSteps = new Map(SAVE_STEPS.map((step) => [step, [] as number[]]))
    const takeSaveTimes = () => ({
      whole: options.host.takeRequestTimes('article:save'),
      steps: SAVE_STEPS.map((step) => options.host.takeRequestTimes(`article:save:${step}`)),
    })
    for (const copy of copies) {
      await openInApp(app, copy)
      await suggestEdits(app, true)
      await app.evaluate(takeSaveMeasures)
      takeSaveTimes()
      const record = await typeAndRecord(app, BODY, keys)
      typed.push(...record.latencies)
      handlers.push(...record.handlers)
      jumps.push(record.firstKeyAfterJump)
      // The autosave after the typing stops, then more saved by hand after a keystroke each:
      // a save takes a few milliseconds, so a garbage collection landing in one moves its
      // figure a lot, and a median needs many.
      await waitForSaves(app, 1)
      for (let save = 2; save <= SAVES_PER_ROUND; save++) {
        await app.keyboard.type('x')
        await app.keyboard.press('ControlOrMeta+s')
        await waitForSaves(app, save)
      }
      const saves = await app.evaluate(takeSaveMeasures)
      saveMain.push(...saves.mainThread)
      saveDurable.push(...saves.durable)
      const inMain = takeSaveTimes()
      saveInMain.push(...inMain.whole)
      SAVE_STEPS.forEach((step, index) => saveSteps.get(step)?.push(...(inMain.steps[index] ?? [])))

      await baseline.evaluate((doc) => window.baselines.openTiptap(doc), bareDoc)
      const bare = await typeAndRecord(baseline, BARE_TIPTAP, keys)
      bareTyped.push(...bare.latencies)
      bareHandlers.push(...bare.handlers)
      bareJumps.push(bare.firstKeyAfterJump)
      await baseline.evaluate((value) => window.baselines.openTextarea(value), text)
      textareaTyped.push(...(await typeAndRecord(baseline, '#textarea', keys)).latencies)
      await baseline.evaluate(() => window.baselines.openTextarea(''))
      frameFloor.push(...(await typeAndRecord(baseline, '#textarea', keys)).latencies)
    }
    figures.push(
      figureOf('Typing (key to painted frame)', size, typed, {
        name: 'bare TipTap',
        taken: bareTyped,
      }),
      figureOf('Typing (key to painted frame)', `${size}, plain textarea`, textareaTyped),
      figureOf('Typing (first key after the caret jumps to the middle)', size, jumps, {
        name: 'bare TipTap',
        taken: bareJumps,
      }),
    )
    // Event Timing reports only events of 16 ms or more: a fast editor may have none.
    if (handlers.length)
      figures.push(
        figureOf(
          'Typing (Event Timing handler, events ≥16 ms)',
          `${size} (${handlers.length} events)`,
          handlers,
          bareHandlers.length
            ? { name: `bare TipTap (${bareHandlers.length} events)`, taken: bareHandlers }
            : undefined,
        ),
      )

    // Saving: the page's main-thread time per save, and until the file is durable.
    const bareSerialize: number[] = []
    const rawWrites: number[] = []
    await baseline.evaluate((doc) => window.baselines.openTiptap(doc), bareDoc)
    for (let round = 0; round < Math.max(3, saveMain.length); round++) {
      bareSerialize.push(await baseline.evaluate(() => window.baselines.serialize()))
      rawWrites.push(await durableWrite(scratch, Buffer.byteLength(text)))
    }
    figures.push(
      figureOf('Autosave (page main thread)', size, saveMain, {
        name: 'bare TipTap getJSON + stringify',
        taken: bareSerialize,
      }),
      figureOf('Autosave (to a durable file)', size, saveDurable, {
        name: 'atomic write of the same bytes',
        taken: rawWrites,
      }),
      figureOf("Autosave (main's time to a durable file)", size, saveInMain, {
        name: 'atomic write of the same bytes',
        taken: rawWrites,
      }),
      ...SAVE_STEPS.map((step) =>
        figureOf("Autosave (main's time, by step)", `${size}: ${step}`, saveSteps.get(step) ?? []),
      ),
    )
  }

  figures.push(figureOf('Typing (key to painted frame)', FRAME_FLOOR, frameFloor))

  // Paste 1 MB of HTML into a story, until the editor has painted again: as typed, and with
  // suggestions on (every pasted paragraph then becomes a suggestion).
  const html = pastedHtml(options.pasteBytes)
  const asksFirst = html.length > LARGE_PASTE_CHARACTERS
  for (const suggesting of [false, true]) {
    const pastes: number[] = []
    const barePastes: number[] = []
    for (const story of options.pasteInto.filter((_, index) => index % 2 === Number(suggesting))) {
      await openInApp(app, story)
      await suggestEdits(app, suggesting)
      await app.bringToFront()
      await app.evaluate(caretToMiddle, BODY)
      await app.evaluate(takeSaveMeasures)
      pastes.push(
        await app.evaluate(pasteHtml, [BODY, html, asksFirst] as [string, string, boolean]),
      )
      await baseline.evaluate(
        (doc) => window.baselines.openTiptap(doc),
        withoutFigures(story.article.body),
      )
      await baseline.bringToFront()
      await baseline.evaluate(caretToMiddle, BARE_TIPTAP)
      barePastes.push(
        await baseline.evaluate(pasteHtml, [BARE_TIPTAP, html, false] as [string, string, boolean]),
      )
      // The pasted text is saved before anything else opens the story.
      await waitForSaves(app, 1)
    }
    figures.push(
      figureOf(
        `Paste ${(options.pasteBytes / 1e6).toLocaleString('en')} MB of HTML`,
        suggesting ? 'into the body, suggesting' : 'into the body',
        pastes,
        { name: 'bare TipTap', taken: barePastes },
      ),
    )
  }

  // Memory: the page's JS heap with the longest story open.
  const longest = [...articles.values()].at(-1)?.[0]
  if (longest) {
    await openInApp(app, longest)
    await baseline.evaluate(
      (doc) => window.baselines.openTiptap(doc),
      withoutFigures(longest.article.body),
    )
    figures.push(
      figureOf(
        'JS heap',
        `${longest.words.toLocaleString('en')}-word story open`,
        [await heapMB(appSession)],
        { name: 'bare TipTap with it', taken: [await heapMB(baselineSession)] },
        'MB',
      ),
    )
  }
  return figures
}

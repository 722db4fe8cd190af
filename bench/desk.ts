/**
 * The desk server under load: `npm run bench -- --desk` (`--quick` for one tiny round).
 *
 * Copydesk's desk server (`copydesk desk-server`, its own process) against a bare Hocuspocus
 * server (no rules, no storage; its own process too) measured in the same run, with Node clients
 * (`@hocuspocus/provider`), as the app's main process connects: each keystroke is the small Yjs
 * update TipTap's binding makes of one typed character.
 * - keystroke in one client to its arrival in another, with 2, 10 and 50 writers in one story,
 *   each typing a character every 150 ms into a paragraph of its own;
 * - the first open of a shared 20,000-word story on a machine (connect, fetch it over the network,
 *   read every field) against reading the same story's article.json from disk;
 * - the server's memory per open 2,000-word story.
 * Then the same in the real app, in Chromium, through browser hosts pointed at the desk (see
 * measure/desk-pages.ts): a keystroke in one page to its painted arrival in another's, and opening
 * a shared story in the app against opening the same story not shared.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Browser } from 'playwright-core'
import { ArticleFieldsSchema, type ArticleFields } from '../shared/article'
import { readStory, writeStory } from '../shared/desk/story-document'
import { browserName, launchBenchBrowser } from './browser/new-page'
import {
  atTypingPace,
  connect,
  firstOwnParagraph,
  paragraphText,
  sleep,
  startBareHocuspocus,
  startCopydeskDesk,
  stopServer,
  story,
  typeAtEnd,
  until,
  untilSent,
  type Client,
  type ServerProcess,
} from './measure/desk-clients'
import { measureDeskPages } from './measure/desk-pages'
import { figureOf, type Figure } from './support/figure'
import { currentCommit, describeMachine, writeReport, type Report } from './support/report'

export interface DeskBenchOptions {
  writers: number[]
  keys: number
  openRounds: number
  openWords: number
  memoryStories: number
  out: string
  log: (line: string) => void
}

export const DESK_FULL = {
  writers: [2, 10, 50],
  // 40 keys left the p95 page to page to the second-slowest key, and it swung 56 to 109 ms.
  keys: 100,
  openRounds: 5,
  openWords: 20_000,
  memoryStories: 20,
}
export const DESK_QUICK = { writers: [2], keys: 5, openRounds: 1, openWords: 500, memoryStories: 2 }

/**
 * Sends a story to the server and stays in it: the bare server keeps a story only while someone
 * is connected to it.
 */
async function seed(server: ServerProcess, fields: ArticleFields, id: string): Promise<Client> {
  const seeder = connect(server, id)
  await seeder.synced
  writeStory(seeder.doc, fields)
  await untilSent(seeder)
  return seeder
}

/** Every writer types into its own paragraph; one more client times each key's arrival. */
async function keystrokes(server: ServerProcess, writers: number, keys: number): Promise<number[]> {
  const id = randomUUID()
  const fields = story(2_000, 7, writers)
  const seeder = await seed(server, fields, id)
  const first = firstOwnParagraph(fields, writers)
  const clients = Array.from({ length: writers }, () => connect(server, id))
  const reader = connect(server, id)
  await Promise.all([...clients, reader].map((client) => client.synced))

  const base = paragraphText(reader.doc, first).length
  const sent: number[][] = Array.from({ length: writers }, () => [])
  const seen = Array.from({ length: writers }, () => 0)
  const latencies: number[] = []
  reader.doc.on('update', () => {
    const now = performance.now()
    for (let writer = 0; writer < writers; writer++) {
      const arrived = paragraphText(reader.doc, first + writer).length - base
      for (; (seen[writer] ?? 0) < arrived; seen[writer] = (seen[writer] ?? 0) + 1) {
        const at = sent[writer]?.[seen[writer] ?? 0]
        if (at !== undefined) latencies.push(now - at)
      }
    }
  })

  await Promise.all(
    clients.map((client, writer) =>
      atTypingPace(writer, writers, keys, () => {
        sent[writer]?.push(performance.now())
        typeAtEnd(client, first + writer)
      }),
    ),
  )
  await until(() => latencies.length >= writers * keys)
  ;[...clients, reader, seeder].forEach((client) => client.destroy())
  return latencies
}

async function openShared(server: ServerProcess, words: number, rounds: number): Promise<number[]> {
  const id = randomUUID()
  const seeder = await seed(server, story(words, 11), id)
  const taken: number[] = []
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    const client = connect(server, id)
    await client.synced
    ArticleFieldsSchema.parse(readStory(client.doc))
    taken.push(performance.now() - started)
    client.destroy()
  }
  seeder.destroy()
  return taken
}

async function openLocal(folder: string, words: number, rounds: number): Promise<number[]> {
  const file = join(folder, 'article.json')
  await writeFile(file, JSON.stringify(story(words, 11)))
  const taken: number[] = []
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    ArticleFieldsSchema.parse(JSON.parse(await readFile(file, 'utf8')))
    taken.push(performance.now() - started)
  }
  return taken
}

async function residentMegabytes(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024
}

async function memoryPerStory(server: ServerProcess, stories: number): Promise<number> {
  const before = await residentMegabytes(server.child.pid)
  const clients: Client[] = []
  for (let index = 0; index < stories; index++) {
    const id = randomUUID()
    const client = connect(server, id)
    await client.synced
    writeStory(client.doc, story(2_000, 100 + index))
    await untilSent(client)
    clients.push(client)
  }
  await sleep(1_000)
  const after = await residentMegabytes(server.child.pid)
  clients.forEach((client) => client.destroy())
  return (after - before) / stories
}

export async function runDeskBench(options: DeskBenchOptions): Promise<Report> {
  const temp = await mkdtemp(join(tmpdir(), 'copydesk-bench-desk-'))
  const words = options.openWords.toLocaleString('en')
  let browser: Browser | undefined
  let browserVersion = 'no browser started'
  let copydesk: ServerProcess | undefined
  let bare: ServerProcess | undefined
  const figures: Figure[] = []
  try {
    const desk = await startCopydeskDesk(join(temp, 'desk'))
    copydesk = desk
    bare = await startBareHocuspocus()
    // Node clients through the desk, by writer count: also the baseline of the pages' figure.
    const throughTheDesk = new Map<number, number[]>()
    for (const writers of options.writers) {
      options.log(`${writers} writers in one story …`)
      const ours = await keystrokes(desk, writers, options.keys)
      const theirs = await keystrokes(bare, writers, options.keys)
      throughTheDesk.set(writers, ours)
      const figure = figureOf('Desk: keystroke to another client', `${writers} writers`, ours, {
        name: bare.name,
        taken: theirs,
      })
      if (writers === 10) figure.target = { text: 'p95 under 100 ms', met: figure.p95 < 100 }
      figures.push(figure)
    }

    options.log(`Fetching a ${words}-word story from the desk …`)
    const fetched = await openShared(desk, options.openWords, options.openRounds)
    const local = await openLocal(temp, options.openWords, options.openRounds)
    figures.push(
      figureOf('Desk: open', `${words} words, a machine's first: fetched from the desk`, fetched, {
        name: 'its article.json read from disk',
        taken: local,
      }),
    )

    options.log(`Server memory with ${options.memoryStories} open stories …`)
    const perStory = await memoryPerStory(desk, options.memoryStories)
    const barePerStory = await memoryPerStory(bare, options.memoryStories)
    const memory = figureOf(
      'Desk: server memory',
      'per open 2,000-word story',
      [perStory],
      {
        name: bare.name,
        taken: [barePerStory],
      },
      'MB',
    )

    browser = await launchBenchBrowser()
    browserVersion = browserName(browser)
    const pages = await measureDeskPages({
      browser,
      desk,
      scratch: temp,
      writers: options.writers,
      keys: options.keys,
      openWords: options.openWords,
      openRounds: options.openRounds,
      throughTheDesk,
      log: options.log,
    })
    figures.push(...pages, memory)
  } finally {
    await browser?.close()
    await Promise.all([copydesk, bare].map((server) => server && stopServer(server)))
    await rm(temp, { recursive: true, force: true })
  }
  const report: Report = {
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: describeMachine(),
    browser: `${browserVersion} for the pages; Node clients (@hocuspocus/provider) for the rest`,
    options: { ...options, log: undefined, out: undefined },
    figures,
  }
  await writeReport(report, join(options.out, 'desk.json'), join(options.out, 'DESK.md'))
  return report
}

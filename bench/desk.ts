/**
 * The desk server under load: `npm run bench -- --desk` (`--quick` for one tiny round).
 *
 * Copydesk's desk server (`copydesk desk-server`, its own process) against a bare Hocuspocus
 * server (no rules, no storage; its own process too) measured in the same run:
 * - keystroke in one client to its arrival in another, with 2, 10 and 50 writers in one story,
 *   each typing a character every 150 ms into a paragraph of its own;
 * - opening a shared 20,000-word story (connect, sync, read every field) against reading the
 *   same story's article.json from disk;
 * - the server's memory per open 2,000-word story.
 * The clients are Node providers, as the app's will be: each keystroke is the small Yjs update
 * TipTap's binding makes of one typed character.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { ArticleFieldsSchema, createArticle, fieldsOf, type ArticleFields } from '../shared/article'
import type { TiptapNode } from '../shared/article/tiptap-json'
import { readStory, STORY_PARTS, writeStory } from '../shared/desk/story-document'
import { DeskRecords } from '../electron/services/desk/desk-records'
import { deskDatabasePath } from '../electron/services/desk/desk-server'
import { Random } from './generate/random'
import { generatedArticle } from './generate/story'
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
  keys: 40,
  openRounds: 5,
  openWords: 20_000,
  memoryStories: 20,
}
export const DESK_QUICK = { writers: [2], keys: 5, openRounds: 1, openWords: 500, memoryStories: 2 }

const CLI = join(__dirname, '..', 'out', 'main', 'cli.js')
const KEY_INTERVAL_MS = 150

interface ServerProcess {
  name: string
  url: string
  child: ChildProcess
  /** The person's token on Copydesk's desk; the bare server takes any. */
  token: string
}

async function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${output}`)), 30_000)
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      output += text
      const match = pattern.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', () => reject(new Error(`the server ended: ${output}`)))
  })
}

async function startCopydeskDesk(dataDir: string): Promise<ServerProcess> {
  await mkdir(dataDir)
  const records = DeskRecords.open(deskDatabasePath(dataDir))
  const token = records.addPerson('Bench Writer', 'producer').token
  records.close()
  const child = spawn(process.execPath, [CLI, 'desk-server', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await waitForLine(child, /listening on (ws:\/\/\S+)/)
  return { name: 'Copydesk desk server', url, child, token }
}

const BARE_SERVER = `
const { Server } = require('@hocuspocus/server')
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true })
server.listen().then(() => console.log('bare on ws://127.0.0.1:' + server.httpServer.address().port))
`

async function startBareHocuspocus(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await waitForLine(child, /bare on (ws:\/\/\S+)/)
  return { name: 'bare Hocuspocus', url, child, token: 'any' }
}

interface Client {
  doc: Y.Doc
  provider: HocuspocusProvider
  synced: Promise<void>
  destroy(): void
}

function connect(server: ServerProcess, story: string, doc = new Y.Doc()): Client {
  const websocket = new HocuspocusProviderWebsocket({
    url: server.url,
    WebSocketPolyfill: WebSocket,
  })
  let markSynced: () => void = () => undefined
  const synced = new Promise<void>((resolve) => (markSynced = resolve))
  const provider = new HocuspocusProvider({
    websocketProvider: websocket,
    name: story,
    token: server.token,
    document: doc,
    onSynced: () => markSynced(),
  })
  provider.attach()
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy()
      websocket.destroy()
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function untilSent(client: Client): Promise<void> {
  while (client.provider.unsyncedChanges > 0) await sleep(10)
}

function story(words: number, seed: number, extraParagraphs = 0): ArticleFields {
  const input = generatedArticle(new Random(seed), words)
  const body = input.body as TiptapNode
  const own = Array.from({ length: extraParagraphs }, (_, index) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `Writer ${index}:` }],
  }))
  return fieldsOf(
    createArticle(
      { ...input, status: 'draft', body: { ...body, content: [...(body.content ?? []), ...own] } },
      randomUUID(),
      new Date(),
    ),
  )
}

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
  const first = (fields.body.content?.length ?? 0) - writers
  const clients = Array.from({ length: writers }, () => connect(server, id))
  const reader = connect(server, id)
  await Promise.all([...clients, reader].map((client) => client.synced))

  const paragraphText = (doc: Y.Doc, writer: number) =>
    (doc.getXmlFragment(STORY_PARTS.body).get(first + writer) as Y.XmlElement).get(0) as Y.XmlText
  const base = paragraphText(reader.doc, 0).length
  const sent: number[][] = Array.from({ length: writers }, () => [])
  const seen = Array.from({ length: writers }, () => 0)
  const latencies: number[] = []
  reader.doc.on('update', () => {
    const now = performance.now()
    for (let writer = 0; writer < writers; writer++) {
      const arrived = paragraphText(reader.doc, writer).length - base
      for (; (seen[writer] ?? 0) < arrived; seen[writer] = (seen[writer] ?? 0) + 1) {
        const at = sent[writer]?.[seen[writer] ?? 0]
        if (at !== undefined) latencies.push(now - at)
      }
    }
  })

  await Promise.all(
    clients.map(async (client, writer) => {
      // Staggered, so the writers do not all type in the same millisecond.
      await sleep((KEY_INTERVAL_MS * writer) / writers)
      for (let key = 0; key < keys; key++) {
        const text = paragraphText(client.doc, writer)
        sent[writer]?.push(performance.now())
        text.insert(text.length, 'x')
        await sleep(KEY_INTERVAL_MS)
      }
    }),
  )
  const expected = writers * keys
  for (const deadline = Date.now() + 30_000; latencies.length < expected && Date.now() < deadline;)
    await sleep(20)
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
  const copydesk = await startCopydeskDesk(join(temp, 'desk'))
  const bare = await startBareHocuspocus()
  const figures: Figure[] = []
  try {
    for (const writers of options.writers) {
      options.log(`${writers} writers in one story …`)
      const ours = await keystrokes(copydesk, writers, options.keys)
      const theirs = await keystrokes(bare, writers, options.keys)
      const figure = figureOf('Desk: keystroke to another client', `${writers} writers`, ours, {
        name: bare.name,
        taken: theirs,
      })
      if (writers === 10) figure.target = { text: 'p95 under 100 ms', met: figure.p95 < 100 }
      figures.push(figure)
    }

    options.log(`Opening a ${options.openWords.toLocaleString('en')}-word story …`)
    const shared = await openShared(copydesk, options.openWords, options.openRounds)
    const local = await openLocal(temp, options.openWords, options.openRounds)
    const open = figureOf('Desk: open', `${options.openWords} words, shared`, shared, {
      name: 'its article.json, read locally',
      taken: local,
    })
    open.target = { text: 'within 1.5x of local', met: (open.ratio ?? Infinity) <= 1.5 }
    figures.push(open)

    options.log(`Server memory with ${options.memoryStories} open stories …`)
    const perStory = await memoryPerStory(copydesk, options.memoryStories)
    const barePerStory = await memoryPerStory(bare, options.memoryStories)
    figures.push(
      figureOf(
        'Desk: server memory',
        'per open 2,000-word story',
        [perStory],
        {
          name: bare.name,
          taken: [barePerStory],
        },
        'MB',
      ),
    )
  } finally {
    copydesk.child.kill('SIGTERM')
    bare.child.kill('SIGTERM')
    await rm(temp, { recursive: true, force: true })
  }
  const report: Report = {
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: describeMachine(),
    browser: 'none: Node clients (@hocuspocus/provider)',
    options: { ...options, log: undefined, out: undefined },
    figures,
  }
  await writeReport(report, join(options.out, 'desk.json'), join(options.out, 'DESK.md'))
  return report
}

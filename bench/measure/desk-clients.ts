/**
 * The desk bench's servers and Node clients: Copydesk's desk server and a bare Hocuspocus server
 * as processes of their own, providers connected to them as the app's are, the stories they
 * share, and writers typing into paragraphs of their own at a person's pace.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createArticle, fieldsOf, type ArticleFields } from '../../shared/article'
import type { TiptapNode } from '../../shared/article/tiptap-json'
import { STORY_PARTS } from '../../shared/desk/story-document'
import { SqliteDeskRecords } from '../../electron/services/desk/sqlite-desk-records'
import { deskDatabasePath } from '../../electron/services/desk/sqlite-desk-storage'
import { Random } from '../generate/random'
import { generatedArticle } from '../generate/story'
import { destroyProvider } from '../../electron/services/desk/destroy-provider'

const CLI = join(__dirname, '..', '..', 'out', 'main', 'cli.js')
/** A person typing steadily: one character every 150 ms. */
export const KEY_INTERVAL_MS = 150
/** What every writer types; found nowhere in a writer's paragraph before. */
export const TYPED_CHARACTER = 'x'

export interface ServerProcess {
  name: string
  url: string
  child: ChildProcess
  /** The person's token on Copydesk's desk (a producer); the bare server takes any. */
  token: string
}

export interface CopydeskDesk extends ServerProcess {
  /** A second person's token (an editor), for a second machine in the same stories. */
  editorToken: string
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

/** `copydesk desk-server` from the built CLI, with its people added before it starts. */
export async function startCopydeskDesk(dataDir: string): Promise<CopydeskDesk> {
  await mkdir(dataDir)
  const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
  const token = records.addPerson('Bench Writer', 'producer').token
  const editorToken = records.addPerson('Bench Editor', 'editor').token
  records.close()
  const child = spawn(process.execPath, [CLI, 'desk-server', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await waitForLine(child, /listening on (ws:\/\/\S+)/)
  return { name: 'Copydesk desk server', url, child, token, editorToken }
}

/** Ends the server and waits until it has gone, so that its data folder can be removed. */
export async function stopServer(server: ServerProcess): Promise<void> {
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

const BARE_SERVER = `
const { Server } = require('@hocuspocus/server')
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true })
server.listen().then(() => console.log('bare on ws://127.0.0.1:' + server.httpServer.address().port))
`

export async function startBareHocuspocus(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await waitForLine(child, /bare on (ws:\/\/\S+)/)
  return { name: 'bare Hocuspocus', url, child, token: 'any' }
}

export interface Client {
  doc: Y.Doc
  provider: HocuspocusProvider
  synced: Promise<void>
  destroy(): void
}

export function connect(server: ServerProcess, story: string, doc = new Y.Doc()): Client {
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
    destroy: () => destroyProvider(provider, websocket),
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function untilSent(client: Client): Promise<void> {
  while (client.provider.unsyncedChanges > 0) await sleep(10)
}

/** The opening words of writer `writer`'s own paragraph in a story with `writers` of them. */
export const ownParagraphStart = (writer: number, writers: number) =>
  `Writer ${writer} of ${writers}:`

/**
 * A generated story of about `words` words; `writers` adds a paragraph for each writer at the
 * end of its body, to type into without meeting anyone else's keys.
 */
export function story(words: number, seed: number, writers = 0): ArticleFields {
  const input = generatedArticle(new Random(seed), words)
  const body = input.body as TiptapNode
  const own = Array.from({ length: writers }, (_, writer) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: ownParagraphStart(writer, writers) }],
  }))
  return fieldsOf(
    createArticle(
      { ...input, status: 'draft', body: { ...body, content: [...(body.content ?? []), ...own] } },
      randomUUID(),
      new Date(),
    ),
  )
}

/** Where the writers' own paragraphs start in a story `story()` made for them. */
export const firstOwnParagraph = (fields: ArticleFields, writers: number) =>
  (fields.body.content?.length ?? 0) - writers

/** The text of the body's paragraph at `index`, in a client's copy of the story. */
export const paragraphText = (doc: Y.Doc, index: number) =>
  (doc.getXmlFragment(STORY_PARTS.body).get(index) as Y.XmlElement).get(0) as Y.XmlText

/** Types one character at the end of the body's paragraph at `index`, as a person's key would. */
export function typeAtEnd(client: Client, index: number): void {
  const text = paragraphText(client.doc, index)
  text.insert(text.length, TYPED_CHARACTER)
}

/**
 * One writer's pace: `typeKey` every KEY_INTERVAL_MS, `keys` times. Writer `writer` of `writers`
 * starts that share of an interval late, so the writers do not all type in the same millisecond.
 */
export async function atTypingPace(
  writer: number,
  writers: number,
  keys: number,
  typeKey: () => void | Promise<void>,
): Promise<void> {
  await sleep((KEY_INTERVAL_MS * writer) / writers)
  for (let key = 0; key < keys; key++) {
    await typeKey()
    await sleep(KEY_INTERVAL_MS)
  }
}

/** Waits until `done` says so, checking every 20 ms, for 30 seconds at most. */
export async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 30_000; !(await done()) && Date.now() < deadline;)
    await sleep(20)
}

/**
 * The desk at newsroom scale: `npm run bench -- --desk-scale` (`--quick` for a tiny round).
 *
 * Two `copydesk desk-server` processes keep stories in a real PostgreSQL and share them live
 * through a real Redis (Debian's `postgresql` and `redis-server`, on free ports), against one desk
 * server alone on SQLite (the default) in the same run. Writers
 * are Node clients connected as the app's main process connects (its own `DeskLink`, given both
 * addresses), typing a character every 300 ms (a person's pace) into paragraphs of their own in
 * 200 stories, each story's writers split between the two servers; the writers are ramped 50, 200
 * and 500. A key is timed from the writer to each other writer of its story on the other server
 * (through Redis). Per step: those times, errors and reconnects, each server's CPU and memory,
 * Redis's commands, and PostgreSQL's CPU and the stories it stored. Then one server is killed (SIGKILL) mid-typing: the time until every writer is
 * connected again and every copy of every story holds every key, and whether any key was lost
 * or doubled.
 */
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import * as Y from 'yjs'
import { z } from 'zod'
import { writeStory } from '../shared/desk/story-document'
import { DeskLink } from '../electron/services/desk/desk-link'
import { openDeskStorage, type DeskStorageAddress } from '../electron/services/desk/desk-storage'
import { startDesk, type DeskProcess } from '../e2e/desk-process'
import { POSTGRES_MISSING, startPostgres, type PostgresProcess } from '../e2e/postgres-process'
import { NO_REDIS_MESSAGE, REDIS_SERVER, startRedis, type RedisProcess } from '../e2e/redis-process'
import {
  firstOwnParagraph,
  paragraphText,
  sleep,
  story,
  TYPED_CHARACTER,
} from './measure/desk-clients'
import { figureOf, type Figure } from './support/figure'
import { currentCommit, describeMachine, writeReport, type Report } from './support/report'
import { percentile } from './support/stats'

/** A person typing at a steady, human pace. */
const KEY_INTERVAL_MS = 300
/**
 * Writers per story at most: each has a paragraph of its own. Writers come in pairs, one on each
 * server, a pair to a story, and a story takes a second pair once every story has one (500
 * writers in 200 stories: 2 or 3 writers each).
 */
const PARAGRAPHS_PER_STORY = 4
/** Hocuspocus' default: a story is stored this long after its last change. */
const STORE_DEBOUNCE_MS = 2_000

export interface DeskScaleOptions {
  steps: number[]
  stories: number
  keys: number
  out: string
  log: (line: string) => void
}

export const DESK_SCALE_FULL = { steps: [50, 200, 500], stories: 200, keys: 20 }
export const DESK_SCALE_QUICK = { steps: [6], stories: 3, keys: 4 }

interface Writer {
  index: number
  story: number
  paragraph: number
  /** Which of the setup's servers it is given first. */
  server: number
  doc: Y.Doc
  link: DeskLink
  /** When each of its keys was typed. */
  typed: number[]
  /** Keys of each other writer of its story seen so far, by that writer's index. */
  seen: Map<number, number>
}

interface ServerLoad {
  cpuPercent: number
  megabytes: number
}

interface StepFacts {
  writers: number
  errors: number
  reconnects: number
  /** This process, where every writer's client runs, and Redis: with the servers, the machine. */
  clientsCpuPercent: number
  redisCpuPercent: number
  servers: ServerLoad[]
  redisCommandsPerSecond?: number
  postgres?: PostgresActivity
}

interface PostgresActivity {
  cpuPercent: number
  storiesStored: number
}

/** CPU seconds the process has used so far, from /proc (Linux). */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

async function residentMegabytes(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** Redis's own count of the commands it has run. */
function redisCommands(redis: RedisProcess): number {
  const port = new URL(redis.url).port
  const info = spawnSync('redis-cli', ['-p', port, 'info', 'stats'], { encoding: 'utf8' })
  return Number(/total_commands_processed:(\d+)/.exec(info.stdout)?.[1] ?? NaN)
}

/**
 * CPU seconds of PostgreSQL: its server process, every backend it runs now, and those that have
 * ended (a pool closes idle connections), which the server process counts as its children's.
 */
async function postgresCpuSeconds(pid: number): Promise<number> {
  const fieldsOf = async (each: number | string) => {
    const stat = await readFile(`/proc/${each}/stat`, 'utf8').catch(() => '')
    return stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number)
  }
  const server = await fieldsOf(pid)
  let seconds = [11, 12, 13, 14].reduce((sum, field) => sum + (server[field] ?? 0), 0)
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const fields = await fieldsOf(entry)
    if (fields[1] === pid) seconds += (fields[11] ?? 0) + (fields[12] ?? 0)
  }
  return seconds / 100
}

/** How many stories the servers stored in PostgreSQL since `since`. */
async function storiesStoredSince(address: string, since: Date): Promise<number> {
  const client = new pg.Client(address)
  await client.connect()
  try {
    const { rows } = await client.query(
      'SELECT count(*) AS stored FROM copydesk.documents WHERE stored_at >= $1',
      [since.toISOString()],
    )
    return z.array(z.object({ stored: z.coerce.number() })).parse(rows)[0]?.stored ?? 0
  } finally {
    await client.end()
  }
}

/**
 * PostgreSQL's share of a step: its CPU while the writers type and until the servers have stored
 * what they typed (Hocuspocus stores a story 2 s after its last change, or 10 s into a run of
 * changes), and how many stories were stored.
 */
async function postgresActivity(
  database: PostgresProcess,
  address: string,
  during: () => Promise<void>,
): Promise<PostgresActivity> {
  const since = new Date()
  const before = await postgresCpuSeconds(database.pid)
  const started = performance.now()
  await during()
  await sleep(STORE_DEBOUNCE_MS + 1_000)
  const seconds = (performance.now() - started) / 1000
  return {
    cpuPercent: (((await postgresCpuSeconds(database.pid)) - before) / seconds) * 100,
    storiesStored: await storiesStoredSince(address, since),
  }
}

async function addPeople(where: DeskStorageAddress, count: number): Promise<string[]> {
  const storage = await openDeskStorage(where)
  try {
    const tokens: string[] = []
    for (let index = 0; index < count; index++)
      tokens.push((await storage.records.addPerson(`Bench Writer ${index + 1}`, 'producer')).token)
    return tokens
  } finally {
    await storage.close()
  }
}

/** The stories, written to the desk once (through the first server) and left there. */
async function seedStories(
  address: string,
  token: string,
  count: number,
): Promise<{ ids: string[]; firstParagraphs: number[] }> {
  const ids: string[] = []
  const firstParagraphs: number[] = []
  for (let start = 0; start < count; start += 20) {
    const batch = Array.from({ length: Math.min(20, count - start) }, (_, offset) => {
      const fields = story(300, start + offset + 1, PARAGRAPHS_PER_STORY)
      const id = randomUUID()
      ids.push(id)
      firstParagraphs.push(firstOwnParagraph(fields, PARAGRAPHS_PER_STORY))
      const doc = new Y.Doc()
      const link = new DeskLink({ address, token, story: id, doc })
      return { doc, link, fields }
    })
    await Promise.all(
      batch.map(async ({ doc, link, fields }) => {
        while (!link.standing().synced) await sleep(10)
        writeStory(doc, fields)
        while (link.standing().unsyncedChanges > 0) await sleep(10)
        link.destroy()
      }),
    )
  }
  return { ids, firstParagraphs }
}

/**
 * A setup the writers type through: `addresses[server]` is what writers placed on `server` are
 * given (every address, theirs first, so that they move on when theirs dies).
 */
interface Setup {
  addresses: string[]
  tokens: string[]
  ids: string[]
  /** Where each story's writers' own paragraphs start. */
  firstParagraphs: number[]
  processes: DeskProcess[]
}

class Newsroom {
  readonly writers: Writer[] = []
  private readonly byStory = new Map<number, Writer[]>()
  errors = 0
  reconnects = 0
  /** Times from a key to its arrival at another writer of its story on the other server. */
  latencies: number[] = []
  private counting = false

  constructor(private readonly setup: Setup) {}

  /**
   * Adds writers up to `count`: pairs, one on each server, a pair to a story (a writer keeps its
   * story and paragraph as more join).
   */
  async growTo(count: number, stories: number): Promise<void> {
    const added: Writer[] = []
    for (let index = this.writers.length; index < count; index++) {
      const storyIndex = Math.floor(index / 2) % stories
      const paragraph = 2 * Math.floor(index / (2 * stories)) + (index % 2)
      if (paragraph >= PARAGRAPHS_PER_STORY) throw new Error('more writers than paragraphs')
      const server = index % this.setup.addresses.length
      const doc = new Y.Doc()
      let everConnected = false
      let connectedNow = false
      let refusedNow = false
      const link: DeskLink = new DeskLink({
        address: this.setup.addresses[server] ?? '',
        token: this.setup.tokens[index % this.setup.tokens.length] ?? '',
        story: this.setup.ids[storyIndex] ?? '',
        doc,
        retry: { delayMs: 200, maxDelayMs: 1_000 },
        onStanding: () => {
          const { connected, refusal } = link.standing()
          if (refusal !== undefined && !refusedNow) this.errors += 1
          refusedNow = refusal !== undefined
          if (connected && !connectedNow && everConnected) this.reconnects += 1
          everConnected ||= connected
          connectedNow = connected
        },
      })
      const writer: Writer = {
        index,
        story: storyIndex,
        paragraph,
        server,
        doc,
        link,
        typed: [],
        seen: new Map(),
      }
      doc.on('update', () => this.arrived(writer))
      added.push(writer)
      this.writers.push(writer)
      const inStory = this.byStory.get(storyIndex) ?? []
      inStory.push(writer)
      this.byStory.set(storyIndex, inStory)
    }
    for (const writer of added) while (!writer.link.standing().synced) await sleep(10)
  }

  /** Each writer types `keys` characters at a person's pace, the writers spread over a beat. */
  async type(keys: number): Promise<void> {
    this.counting = true
    const writers = [...this.writers]
    await Promise.all(
      writers.map(async (writer, index) => {
        await sleep((KEY_INTERVAL_MS * index) / writers.length)
        for (let key = 0; key < keys; key++) {
          writer.typed.push(performance.now())
          const text = this.ownParagraph(writer.doc, writer.story, writer.paragraph)
          text.insert(text.length, TYPED_CHARACTER)
          await sleep(KEY_INTERVAL_MS)
        }
      }),
    )
  }

  /** Every key typed so far, in every copy of its story, exactly once. */
  converged(): boolean {
    return this.writers.every((reader) =>
      (this.byStory.get(reader.story) ?? []).every(
        (writer) =>
          this.typedIn(reader, writer.paragraph) === writer.typed.length &&
          reader.link.standing().unsyncedChanges === 0,
      ),
    )
  }

  /** Keys lost or doubled: in each copy, each writer's count against what it typed. */
  miscounted(): number {
    let wrong = 0
    for (const reader of this.writers)
      for (const writer of this.byStory.get(reader.story) ?? [])
        wrong += Math.abs(this.typedIn(reader, writer.paragraph) - writer.typed.length)
    return wrong
  }

  /** Where the writers stand, while they come back after a server died. */
  progress(): string {
    const standings = this.writers.map((writer) => writer.link.standing())
    const connected = standings.filter((standing) => standing.connected).length
    const unconfirmed = standings.reduce((sum, standing) => sum + standing.unsyncedChanges, 0)
    return `${connected} of ${this.writers.length} connected, ${unconfirmed} changes unconfirmed, ${this.miscounted()} keys missing or doubled across the copies`
  }

  async stop(): Promise<void> {
    this.counting = false
    for (const writer of this.writers) writer.link.destroy()
  }

  private ownParagraph(doc: Y.Doc, story: number, paragraph: number): Y.XmlText {
    return paragraphText(doc, (this.setup.firstParagraphs[story] ?? 0) + paragraph)
  }

  /** How many keys a writer's paragraph holds in the reader's copy of their story. */
  private typedIn(reader: Writer, paragraph: number): number {
    const text = this.ownParagraph(reader.doc, reader.story, paragraph).toString()
    return text.length - text.replace(new RegExp(TYPED_CHARACTER, 'g'), '').length
  }

  private arrived(reader: Writer): void {
    const now = performance.now()
    const acrossServers = this.setup.addresses.length > 1
    for (const writer of this.byStory.get(reader.story) ?? []) {
      if (writer === reader) continue
      // With two servers, across them only: what this bench is about.
      if (acrossServers && writer.server === reader.server) continue
      const count = this.typedIn(reader, writer.paragraph)
      for (let seen = reader.seen.get(writer.index) ?? 0; seen < count; seen++) {
        const at = writer.typed[seen]
        if (at !== undefined && this.counting) this.latencies.push(now - at)
      }
      reader.seen.set(writer.index, count)
    }
  }
}

async function loadOf(
  processes: DeskProcess[],
  during: () => Promise<void>,
): Promise<ServerLoad[]> {
  const pids = processes.map((desk) => desk.child.pid)
  const before = await Promise.all(pids.map(cpuSeconds))
  const started = performance.now()
  await during()
  const seconds = (performance.now() - started) / 1000
  const after = await Promise.all(pids.map(cpuSeconds))
  const megabytes = await Promise.all(pids.map(residentMegabytes))
  return pids.map((_, index) => ({
    cpuPercent: (((after[index] ?? 0) - (before[index] ?? 0)) / seconds) * 100,
    megabytes: megabytes[index] ?? 0,
  }))
}

export async function runDeskScaleBench(options: DeskScaleOptions): Promise<Report> {
  if (!REDIS_SERVER) throw new Error(NO_REDIS_MESSAGE)
  if (POSTGRES_MISSING) throw new Error(POSTGRES_MISSING)
  const temp = await mkdtemp(join(tmpdir(), 'copydesk-bench-desk-scale-'))
  const redis = await startRedis()
  let postgres: PostgresProcess | undefined
  const processes: DeskProcess[] = []
  const figures: Figure[] = []
  const facts: StepFacts[] = []
  let recovery: { seconds: number; miscounted: number; writers: number } | undefined
  try {
    postgres = await startPostgres()
    const shared = { postgres: await postgres.newDatabase() }
    const aloneDir = join(temp, 'alone')
    const sharedTokens = await addPeople(shared, 10)
    const aloneTokens = await addPeople({ dataDir: aloneDir }, 10)
    const first = await startDesk(shared, 0, redis.url)
    const second = await startDesk(shared, 0, redis.url)
    const alone = await startDesk(aloneDir, 0)
    processes.push(first, second, alone)
    const pair: Setup = {
      addresses: [`${first.url}, ${second.url}`, `${second.url}, ${first.url}`],
      tokens: sharedTokens,
      processes: [first, second],
      ...(await seedStories(first.url, sharedTokens[0] ?? '', options.stories)),
    }
    const single: Setup = {
      // One server: "the other server" is the same one, so every writer of a story counts.
      addresses: [alone.url],
      tokens: aloneTokens,
      processes: [alone],
      ...(await seedStories(alone.url, aloneTokens[0] ?? '', options.stories)),
    }

    const newsroom = new Newsroom(pair)
    for (const writers of options.steps) {
      options.log(`${writers} writers on two servers through Redis, and on one alone …`)
      const baseline = new Newsroom(single)
      await baseline.growTo(writers, options.stories)
      await baseline.type(options.keys)
      await sleep(1_000)
      await baseline.stop()

      await newsroom.growTo(writers, options.stories)
      newsroom.latencies = []
      newsroom.errors = 0
      newsroom.reconnects = 0
      const commandsBefore = redisCommands(redis)
      const started = performance.now()
      let servers: ServerLoad[] = []
      let clientsCpuPercent = 0
      let redisCpuPercent = 0
      const database = await postgresActivity(postgres, shared.postgres, async () => {
        const clientsBefore = process.cpuUsage()
        const redisBefore = await cpuSeconds(redis.pid)
        const typingStarted = performance.now()
        servers = await loadOf(pair.processes, async () => {
          await newsroom.type(options.keys)
          await sleep(1_000)
        })
        const typingSeconds = (performance.now() - typingStarted) / 1000
        const clients = process.cpuUsage(clientsBefore)
        clientsCpuPercent = ((clients.user + clients.system) / 1e6 / typingSeconds) * 100
        redisCpuPercent = (((await cpuSeconds(redis.pid)) - redisBefore) / typingSeconds) * 100
      })
      const commands = redisCommands(redis) - commandsBefore
      const seconds = (performance.now() - started) / 1000
      const figure = figureOf(
        'Desk at scale: keystroke to a writer on the other server',
        `${writers} writers`,
        newsroom.latencies,
        { name: 'the same writers on one server alone', taken: baseline.latencies },
      )
      if (writers === 500) figure.target = { text: 'p95 under 150 ms', met: figure.p95 < 150 }
      figures.push(figure)
      for (const [index, load] of servers.entries())
        figures.push(
          figureOf(
            'Desk at scale: server memory',
            `${writers} writers, server ${index + 1}`,
            [load.megabytes],
            undefined,
            'MB',
          ),
        )
      facts.push({
        writers,
        errors: newsroom.errors,
        reconnects: newsroom.reconnects,
        clientsCpuPercent,
        redisCpuPercent,
        servers,
        redisCommandsPerSecond: commands / seconds,
        postgres: database,
      })
      options.log(
        `  p50 ${figure.p50.toFixed(1)} ms, p95 ${figure.p95.toFixed(1)} ms (alone: ${percentile(baseline.latencies, 50).toFixed(1)} / ${percentile(baseline.latencies, 95).toFixed(1)} ms)`,
      )
    }

    options.log('Killing the first server while everyone types …')
    const typing = newsroom.type(options.keys)
    await sleep((KEY_INTERVAL_MS * options.keys) / 2)
    first.child.kill('SIGKILL')
    const killedAt = performance.now()
    await typing
    const deadline = killedAt + 120_000
    let reported = killedAt
    while (!newsroom.converged() && performance.now() < deadline) {
      await sleep(50)
      if (performance.now() - reported > 10_000) {
        reported = performance.now()
        options.log(`  ${newsroom.progress()}`)
      }
    }
    recovery = {
      seconds: (performance.now() - killedAt) / 1000,
      miscounted: newsroom.miscounted(),
      writers: newsroom.writers.length,
    }
    await newsroom.stop()
  } finally {
    for (const desk of processes) {
      if (desk.child.exitCode === null && desk.child.signalCode === null) desk.child.kill('SIGTERM')
      await desk.exited
    }
    await redis.stop()
    await postgres?.stop()
    await rm(temp, { recursive: true, force: true })
  }
  const report: Report = {
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: describeMachine(),
    browser:
      'none: Node clients (the app’s DeskLink) against desk server processes, redis-server and PostgreSQL',
    options: { ...options, log: undefined, out: undefined },
    figures,
  }
  const markdownPath = join(options.out, 'DESK-SCALE.md')
  await writeReport(report, join(options.out, 'desk-scale.json'), markdownPath)
  await appendFile(markdownPath, stepsMarkdown(facts, recovery))
  return report
}

function stepsMarkdown(
  facts: readonly StepFacts[],
  recovery: { seconds: number; miscounted: number; writers: number } | undefined,
): string {
  const rows = facts.map(
    (step) =>
      `| ${step.writers} | ${step.errors} | ${step.reconnects} | ${step.servers
        .map((load) => `${load.cpuPercent.toFixed(0)}% / ${load.megabytes.toFixed(0)} MB`)
        .join(
          ' · ',
        )} | ${step.clientsCpuPercent.toFixed(0)}% | ${step.redisCpuPercent.toFixed(0)}%, ${step.redisCommandsPerSecond?.toFixed(0) ?? '—'} | ${
        step.postgres
          ? `${step.postgres.cpuPercent.toFixed(0)}% / ${step.postgres.storiesStored}`
          : '—'
      } |`,
  )
  const killed = recovery
    ? `After the first server was killed (SIGKILL) mid-typing, all ${recovery.writers} writers were connected again and every copy of every story held every key ${recovery.seconds.toFixed(1)} s later; keys lost or doubled: ${recovery.miscounted} (target: 0, ${recovery.miscounted === 0 ? 'met' : 'missed'}).\n`
    : ''
  return [
    '',
    '## Per step (two servers, PostgreSQL storage, live through Redis)',
    '',
    '| writers | errors | reconnects | CPU / memory, server 1 · server 2 | CPU of the clients (one process) | Redis CPU, commands per second | PostgreSQL CPU / stories stored |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    killed,
  ].join('\n')
}

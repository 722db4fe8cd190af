import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { eventually } from '../electron/services/desk/test-desk-client'
import { freePort } from './free-port'

// A real PostgreSQL, as a newsroom runs it under its desk servers: Debian's `postgresql` (CI
// installs it), a fresh cluster in a temporary folder on a free loopback port, removed after.

/** Debian keeps PostgreSQL's programs in /usr/lib/postgresql/VERSION/bin, off the PATH. */
function postgresBinaries(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  if (onPath.status === 0) return join(onPath.stdout.trim(), '..')
  const debian = '/usr/lib/postgresql'
  if (!existsSync(debian)) return undefined
  const newest = readdirSync(debian)
    .filter((version) => existsSync(join(debian, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0]
  return newest && join(debian, newest, 'bin')
}

const BIN = postgresBinaries()

/** PostgreSQL refuses to run as root; as root, the cluster belongs to Debian's `postgres` user. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const uid = id('-u')
  return Number.isInteger(uid) && uid > 0 ? { uid, gid: id('-g') } : undefined
}

export const POSTGRES_MISSING: string | undefined = !BIN
  ? 'PostgreSQL is not installed here (CI installs it: apt-get install postgresql)'
  : process.getuid?.() === 0 && !clusterOwner()
    ? 'PostgreSQL will not run as root and there is no postgres user to run it as'
    : undefined

export interface PostgresProcess {
  url: string
  /** The server's process: its backends are its children. */
  pid: number
  /** A new, empty database on the same server: one per test keeps tests apart. */
  newDatabase(): Promise<string>
  stop(): Promise<void>
}

export async function startPostgres(): Promise<PostgresProcess> {
  if (!BIN || POSTGRES_MISSING) throw new Error(POSTGRES_MISSING)
  const owner = clusterOwner()
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-postgres-'))
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const data = join(dir, 'data')
  const initdb = spawnSync(
    join(BIN, 'initdb'),
    ['-D', data, '-U', 'copydesk', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { encoding: 'utf8', ...owner },
  )
  if (initdb.status !== 0) throw new Error(`initdb failed: ${initdb.stderr}`)
  const port = await freePort()
  // Test data need not survive a power cut: fsync off keeps a busy CI machine quick.
  const child: ChildProcess = spawn(
    join(BIN, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], ...owner },
  )
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text))
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`PostgreSQL stopped: ${output}`)
      return /ready to accept connections/.test(output)
    },
    'PostgreSQL to start',
    30_000,
  )
  const url = `postgres://copydesk@127.0.0.1:${port}/postgres`
  let databases = 0
  return {
    url,
    pid: child.pid ?? 0,
    newDatabase: async () => {
      const name = `desk_${++databases}`
      const admin = new pg.Client(url)
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${name}`)
      } finally {
        await admin.end()
      }
      return url.replace(/\/postgres$/, `/${name}`)
    },
    stop: async () => {
      // SIGINT: PostgreSQL's fast shutdown, which ends the connections still open.
      if (child.exitCode === null) child.kill('SIGINT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { eventually } from '../electron/services/desk/test-desk-client'

// The desk server as a newsroom runs it: `copydesk desk-server` from the built CLI, as its own
// process on a free port, people added with the CLI.

const CLI = join(__dirname, '..', 'out', 'main', 'cli.js')

export interface DeskProcess {
  child: ChildProcess
  url: string
  output: () => string
  /** Resolves with the exit code once the process has ended by itself. */
  exited: Promise<number | null>
}

/** Where a desk keeps its stories: a data folder (SQLite), or a PostgreSQL address. */
export type DeskStorageArgument = string | { postgres: string }

const storageArguments = (where: DeskStorageArgument) =>
  typeof where === 'string' ? ['--data', where] : ['--postgres', where.postgres]

/**
 * `port`: the port a stopped desk listened on, for apps that reconnect to the same address.
 * `redis`: the Redis through which it shares stories with other desk servers on the same storage.
 */
export async function startDesk(
  where: DeskStorageArgument,
  port = 0,
  redis?: string,
): Promise<DeskProcess> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'desk-server',
      ...storageArguments(where),
      '--port',
      String(port),
      ...(redis ? ['--redis', redis] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text))
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  await eventually(() => /listening on ws:\/\/\S+/.test(output), 'the server to listen', 30_000)
  const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? ''
  return { child, url, output: () => output, exited }
}

/** Adds a person to the desk and answers with the token the CLI printed once. */
export function addPerson(where: DeskStorageArgument, name: string, role: string): string {
  const printed = execFileSync(
    process.execPath,
    [CLI, 'desk-server', 'add-person', name, '--role', role, ...storageArguments(where)],
    { encoding: 'utf8' },
  )
  const token = /^(cdk_\S+)$/m.exec(printed)?.[1]
  if (!token) throw new Error(`no token in: ${printed}`)
  return token
}

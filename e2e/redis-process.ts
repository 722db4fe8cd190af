import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventually } from '../electron/services/desk/test-desk-client'
import { freePort } from './free-port'

// A real Redis, as a newsroom runs it for several desk servers: Debian's `redis-server` (CI
// installs it), on a free loopback port, keeping nothing on disk, stopped after the test.

/** Where `redis-server` is, or undefined where it is not installed. */
export const REDIS_SERVER = (() => {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : undefined
})()

export const NO_REDIS_MESSAGE =
  'redis-server is not installed here (CI installs it: apt-get install redis-server)'

export interface RedisProcess {
  url: string
  pid: number
  stop(): Promise<void>
}

export async function startRedis(): Promise<RedisProcess> {
  if (!REDIS_SERVER) throw new Error(NO_REDIS_MESSAGE)
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-redis-'))
  const port = await freePort()
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text))
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  await eventually(() => /Ready to accept connections/.test(output), 'Redis to start', 20_000)
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

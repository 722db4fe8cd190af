import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { REQUEST_TIMING_PREFIX, REQUEST_TIMINGS_ENV } from '../../electron/cli/serve'
import { TOKEN_HEADER } from '../../shared/ipc/host-protocol'

const CLI = join(__dirname, '..', '..', 'out', 'main', 'cli.js')

export interface RunningCopydesk {
  /** The address with the token, to open in the browser. */
  url: string
  /** From spawning the process to the host saying where it listens. */
  startMs: number
  /** Calls a channel of the contract over HTTP, as the page does. */
  invoke<T>(channel: string, request: unknown): Promise<T>
  /** Main's time for each request on `channel` since the last call, from first byte to answer. */
  takeRequestTimes(channel: string): number[]
  stop(): Promise<void>
}

/** Starts the built browser host (`copydesk serve`) on a library, with its own settings folder. */
export async function startCopydesk(library: string, configDir: string): Promise<RunningCopydesk> {
  const start = performance.now()
  const server = spawn(process.execPath, [CLI, 'serve', '--library', library], {
    env: { ...process.env, COPYDESK_CONFIG_DIR: configDir, [REQUEST_TIMINGS_ENV]: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const requestTimes = new Map<string, number[]>()
  createInterface({ input: server.stderr }).on('line', (line) => {
    const [prefix, channel = '', milliseconds] = line.split(' ')
    if (prefix !== REQUEST_TIMING_PREFIX) return void process.stderr.write(`${line}\n`)
    requestTimes.set(channel, [...(requestTimes.get(channel) ?? []), Number(milliseconds)])
  })
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout }).on('line', (line) => {
      const match = /^Listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    server.once('exit', (code) => reject(new Error(`copydesk serve exited with ${code}`)))
  })
  const startMs = performance.now() - start
  const { origin, searchParams } = new URL(url)
  const token = searchParams.get('token') ?? ''
  return {
    url,
    startMs,
    async invoke<T>(channel: string, request: unknown) {
      const response = await fetch(`${origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request),
      })
      const result = (await response.json()) as {
        ok: boolean
        value?: T
        error?: { message: string }
      }
      if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? response.status}`)
      return result.value as T
    },
    takeRequestTimes(channel: string) {
      const times = requestTimes.get(channel) ?? []
      requestTimes.delete(channel)
      return times
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve()
        server.once('exit', () => resolve())
        server.kill('SIGTERM')
      }),
  }
}

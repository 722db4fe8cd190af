import { join } from 'node:path'
import { builtRendererDir } from '../services/platform/app-paths'
import { startHost, type HostOptions, type RunningHost } from '../host/server'
import { HostAddresses } from '../services/platform/host-address'
import { configDirectory } from '../services/settings/locations'
import type { NodeServices } from '../services/platform/node-services'
import { CliError, type CliIo } from './cli-io'

/** Set to 1, `copydesk serve` prints main's time for each request on stderr. */
export const REQUEST_TIMINGS_ENV = 'COPYDESK_REQUEST_TIMINGS'
export const REQUEST_TIMING_PREFIX = 'copydesk-request-ms'

const inUse = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE'

export async function serve(
  services: NodeServices,
  io: CliIo,
  port: number | undefined,
): Promise<RunningHost> {
  const addresses = new HostAddresses(join(configDirectory(io.env), 'browser-host.json'))
  const root = services.library.root
  const remembered = await addresses.forLibrary(root)
  const timings =
    io.env[REQUEST_TIMINGS_ENV] === '1'
      ? (name: string, milliseconds: number) =>
          io.stderr(`${REQUEST_TIMING_PREFIX} ${name} ${milliseconds.toFixed(2)}\n`)
      : undefined
  const options: HostOptions = {
    handlers: services.handlers,
    contract: services.contract,
    assets: services.assets,
    events: services.events,
    rendererDir: builtRendererDir(),
    token: remembered.token,
    // Its shared stories write their article.json first, as it, while it still holds their locks.
    onClientGone: (client) =>
      void services.desk.leaveClient(client).then(() => services.locks.releaseClient(client)),
    // The benchmarks read main's own share of each request, and of its steps, here
    // (bench/browser/copydesk-host.ts).
    ...(timings && { onRequestTimed: timings, onStepTimed: timings }),
  }
  services.library.onStepTimed = timings
  let host: RunningHost
  try {
    host = await startHost({ ...options, port: port ?? remembered.port })
  } catch (error) {
    if (!inUse(error)) throw error
    if (port !== undefined)
      throw new CliError(
        `Port ${port} is already in use by another program: choose another with --port, or leave --port out to use any free one.`,
      )
    // The port this library had is taken now: any free one will do, though tabs left open on
    // the old address cannot follow and must be opened again.
    host = await startHost(options)
  }
  await addresses
    .remember(root, { token: host.token, port: host.port })
    .catch((error: unknown) =>
      io.stderr(
        `copydesk: could not remember this host's address (${String(error)}); open tabs will not reconnect after a restart.\n`,
      ),
    )
  services.watchLibrary()
  void services.sweepStrayFiles().then(({ removed }) => {
    if (removed.length > 0)
      io.stdout(`Removed ${removed.length} unfinished temp file(s) left by an earlier stop.\n`)
  })
  void services.desk.catchUp()
  io.stdout(`Copydesk browser host for the library at ${services.library.root}\n`)
  io.stdout(`Listening on ${host.url}\n`)
  io.stdout('Open that address in Chromium or Chrome. Press Ctrl+C to stop.\n')
  const stop = () => void Promise.all([services.close(), host.close()]).then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return host
}

import { builtRendererDir } from '../services/app-paths'
import { startHost, type RunningHost } from '../host/server'
import type { NodeServices } from '../services/node-services'
import type { CliIo } from './cli-io'

export async function serve(
  services: NodeServices,
  io: CliIo,
  port: number | undefined,
): Promise<RunningHost> {
  const host = await startHost({
    handlers: services.handlers,
    assets: services.assets,
    events: services.events,
    rendererDir: builtRendererDir(),
    port,
    onClientGone: (client) => void services.locks.releaseClient(client),
  })
  const stopWatching = services.watchLibrary()
  io.stdout(`Copydesk browser host for the library at ${services.library.root}\n`)
  io.stdout(`Listening on ${host.url}\n`)
  io.stdout('Open that address in Chromium or Chrome. Press Ctrl+C to stop.\n')
  // Locks first: others may edit the moment this host is gone, even if closing then stalls.
  const stop = () =>
    void services.locks
      .releaseAll()
      .then(() =>
        Promise.all([
          host.close(),
          stopWatching(),
          // The index is a cache: unwritten, the next start replays its journal instead.
          services.catalog
            .flush()
            .catch(() => undefined)
            .then(() => services.catalog.close()),
          services.importer.close(),
        ]),
      )
      .then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return host
}

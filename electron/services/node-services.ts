import { join } from 'node:path'
import { createAppServices, type AppServices } from './app-services'
import { FileSettingsStore } from './file-settings-store'
import { configDirectory, resolveLibraryPath } from './locations'

export interface NodeServices extends AppServices<FileSettingsStore> {
  /**
   * Ends what would keep the process running after its work is done: waits for the index
   * updates already asked for, then stops the catalog and the import reader with their threads.
   * A one-off command calls it once it has answered, so it exits by itself. Never rejects: it
   * runs after the command's own outcome, which a failure to tidy up must not replace.
   */
  close(): Promise<void>
}

/** The services as the CLI and the browser host run them, under plain Node. */
export function createNodeServices(
  options: {
    libraryFlag?: string | undefined
    env?: NodeJS.ProcessEnv
    /** For the browser host, which stays up: see `createAppServices`. */
    catalogInWorker?: boolean
  } = {},
): NodeServices {
  const env = options.env ?? process.env
  const settings = new FileSettingsStore(join(configDirectory(env), 'settings.json'))
  const root = resolveLibraryPath({
    flag: options.libraryFlag,
    env,
    setting: settings.get().libraryPath,
  })
  const services = createAppServices({
    root,
    settings,
    userStyleDir: join(configDirectory(env), 'style'),
    recoveryDir: join(configDirectory(env), 'recovery'),
    indexDir: join(configDirectory(env), 'search-index'),
    catalogInWorker: options.catalogInWorker ?? false,
  })
  return {
    ...services,
    async close() {
      // The index is a cache: an update that failed now is made again at the next start.
      await services.catalog.idle().catch(() => undefined)
      await Promise.allSettled([
        services.catalog.close(),
        services.importer.close(),
        services.assets.close(),
      ])
    },
  }
}

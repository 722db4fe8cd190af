import { join } from 'node:path'
import { createAppServices, type AppServices } from './app-services'
import { FileSettingsStore } from '../settings/file-settings-store'
import { configDirectory, resolveLibraryPath } from '../settings/locations'

export type NodeServices = AppServices<FileSettingsStore>

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
  return createAppServices({
    root,
    settings,
    userStyleDir: join(configDirectory(env), 'style'),
    recoveryDir: join(configDirectory(env), 'recovery'),
    indexDir: join(configDirectory(env), 'search-index'),
    deskTokenFile: join(configDirectory(env), 'desk-token'),
    catalogInWorker: options.catalogInWorker ?? false,
  })
}

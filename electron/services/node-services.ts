import { join } from 'node:path'
import type { Handlers } from '../../shared/ipc/contract'
import { AssetStore } from './asset-store'
import { EventHub } from './event-hub'
import { FileSettingsStore } from './file-settings-store'
import { createHandlers } from './handlers'
import { LibraryStore } from './library-store'
import { resourcesDir } from './app-paths'
import { configDirectory, defaultDisplayName, resolveLibraryPath } from './locations'

export interface NodeServices {
  library: LibraryStore
  assets: AssetStore
  settings: FileSettingsStore
  events: EventHub
  handlers: Handlers
}

/** The services as the CLI and the browser host run them, under plain Node. */
export function createNodeServices(
  options: { libraryFlag?: string | undefined; env?: NodeJS.ProcessEnv } = {},
): NodeServices {
  const env = options.env ?? process.env
  const settings = new FileSettingsStore(join(configDirectory(env), 'settings.json'), {
    displayName: defaultDisplayName(),
  })
  const events = new EventHub()
  const root = resolveLibraryPath({
    flag: options.libraryFlag,
    env,
    setting: settings.get().libraryPath,
  })
  const library = new LibraryStore(root, {
    onChange: (change) => events.emit('library:changed', change),
  })
  const assets = new AssetStore(library)
  return {
    library,
    assets,
    settings,
    events,
    handlers: createHandlers({ library, settings, assets, resourcesDir: resourcesDir() }),
  }
}

import type { Handlers } from '../../shared/ipc/contract'
import { resourcesDir } from './app-paths'
import { AssetStore } from './asset-store'
import { EventHub } from './event-hub'
import { createHandlers, type DesktopServices } from './handlers'
import { LibraryStore } from './library-store'
import type { SettingsStore } from './settings-store'
import { VersionStore } from './version-store'

export interface AppServices<Settings extends SettingsStore = SettingsStore> {
  library: LibraryStore
  assets: AssetStore
  versions: VersionStore
  settings: Settings
  events: EventHub
  handlers: Handlers
}

/** Wires the services together the same way for Electron, the browser host and the CLI. */
export function createAppServices<Settings extends SettingsStore>(options: {
  root: string
  settings: Settings
  desktop?: DesktopServices
}): AppServices<Settings> {
  const { settings, desktop } = options
  const events = new EventHub()
  const library = new LibraryStore(options.root, {
    onChange: (change) => events.emit('library:changed', change),
  })
  const assets = new AssetStore(library)
  const versions = new VersionStore(library, () => settings.get().displayName)
  library.afterSave = (previous, saved, folder) => versions.afterSave(previous, saved, folder)
  const handlers = createHandlers({
    library,
    settings,
    assets,
    versions,
    resourcesDir: resourcesDir(),
    ...(desktop && { desktop }),
  })
  return { library, assets, versions, settings, events, handlers }
}

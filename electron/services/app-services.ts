import type { Handlers } from '../../shared/ipc/contract'
import { join } from 'node:path'
import { resourcesDir } from './app-paths'
import { StylePacks } from './style-packs'
import type { ArticleLocks } from './article-locks'
import { AssetStore } from './asset-store'
import { EventHub } from './event-hub'
import { Exporter } from './exporter'
import { Importer } from './importer'
import { createHandlers, type DesktopServices } from './handlers'
import type { Catalog } from './catalog'
import { WorkerCatalog } from './catalog-worker/worker-catalog'
import { LibraryCatalog } from './library-catalog'
import { LibraryStore } from './library-store'
import { LibraryWatcher } from './library-watcher'
import { RecoveryJournal } from './recovery-journal'
import type { SettingsStore } from './settings-store'
import { VersionStore } from './version-store'
import type { LibraryChange } from './library'
import { sweepStrayFiles, type SweepReport } from './stray-files'

export interface AppServices<Settings extends SettingsStore = SettingsStore> {
  library: LibraryStore
  /** The list and full-text search, kept on disk beside the settings. */
  catalog: Catalog
  assets: AssetStore
  versions: VersionStore
  stylePacks: StylePacks
  exporter: Exporter
  importer: Importer
  recovery: RecoveryJournal
  locks: ArticleLocks
  settings: Settings
  events: EventHub
  handlers: Handlers
  /** Starts reporting changes made to the library folder by anyone; returns how to stop. */
  watchLibrary(): () => Promise<void>
  /** Removes temp files and half-made articles that killed processes left; for a start. */
  sweepStrayFiles(): Promise<SweepReport>
}

/** Wires the services together the same way for Electron, the browser host and the CLI. */
export function createAppServices<Settings extends SettingsStore>(options: {
  root: string
  settings: Settings
  /** Where rule packs the person imports are kept. */
  userStyleDir: string
  /** Where unsaved edits are journaled for crash recovery: this person's, not the library's. */
  recoveryDir: string
  /** Where the library's search index is kept between runs: this person's cache. */
  indexDir: string
  /**
   * Keeps the list and search in a worker thread, for a process that stays up (the desktop app,
   * the browser host); a one-off command reads them in its own thread.
   */
  catalogInWorker?: boolean
  desktop?: DesktopServices
}): AppServices<Settings> {
  const { settings, desktop } = options
  const events = new EventHub()
  const where = { root: options.root, indexDir: options.indexDir }
  const catalog: Catalog = options.catalogInWorker
    ? new WorkerCatalog(where)
    : new LibraryCatalog(where.root, where.indexDir)
  /**
   * Listeners hear of a change once the list and search include it, with the article as the
   * list now shows it, so pages need not fetch the list.
   */
  const announce = (change: LibraryChange): void => {
    const updated = change.id
      ? catalog.articleChanged(change.id)
      : catalog.folderChanged().then(() => undefined)
    void updated
      .catch(() => undefined)
      .then((summary) => events.emit('library:changed', summary ? { ...change, summary } : change))
  }
  const library = new LibraryStore(options.root, {
    onChange: announce,
    holderName: () => settings.get().displayName,
  })
  const assets = new AssetStore(library)
  const versions = new VersionStore(library, () => settings.get().displayName)
  library.afterSave = (previous, saved, folder) => versions.afterSave(previous, saved, folder)
  const stylePacks = new StylePacks(join(resourcesDir(), 'style'), options.userStyleDir)
  const exporter = new Exporter(assets, settings, stylePacks)
  const importer = new Importer(library)
  const recovery = new RecoveryJournal(options.recoveryDir, library)
  const { locks } = library
  const handlers = createHandlers({
    library,
    catalog,
    settings,
    assets,
    versions,
    stylePacks,
    exporter,
    importer,
    recovery,
    locks,
    resourcesDir: resourcesDir(),
    events,
    ...(desktop && { desktop }),
  })
  const watchLibrary = () => {
    const watcher = new LibraryWatcher(options.root, (change) =>
      announce({ ...change, change: 'external' }),
    )
    // Whatever changed while the watcher was getting ready (its first scan takes a moment on a
    // big or busy library) is caught by one reconcile once it is: no article goes unseen.
    void watcher
      .start()
      .then(() => catalog.folderChanged())
      .then(() => events.emit('library:changed', { change: 'external' }))
    return () => watcher.stop()
  }
  return {
    library,
    catalog,
    assets,
    versions,
    stylePacks,
    exporter,
    importer,
    recovery,
    locks,
    settings,
    events,
    handlers,
    watchLibrary,
    sweepStrayFiles: () =>
      sweepStrayFiles([options.root, options.recoveryDir, options.indexDir, options.userStyleDir]),
  }
}

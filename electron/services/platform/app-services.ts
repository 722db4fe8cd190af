import { createContract, type Contract, type Handlers } from '../../../shared/ipc/contract'
import type { RequestDoor } from '../../../shared/ipc/dispatch'
import { ValidBlockMemory } from '../../../shared/editor/validate-body'
import { join } from 'node:path'
import { resourcesDir } from './app-paths'
import { StylePacks } from '../settings/style-packs'
import { Copyfit } from '../copyfit/copyfit'
import { Slots } from '../copyfit/slots'
import { RecordingStore } from '../library/recording-store'
import type { ArticleLocks } from '../library/article-locks'
import { AssetStore } from '../library/asset-store'
import { EventHub } from './event-hub'
import { Exporter } from '../export/exporter'
import { Importer } from '../import/importer'
import { createHandlers, type DesktopServices } from './handlers'
import type { Catalog } from '../search/catalog'
import { WorkerCatalog } from '../search/catalog-worker/worker-catalog'
import { LibraryCatalog } from '../search/library-catalog'
import { LibraryStore } from '../library/library-store'
import { LibraryWatcher } from '../library/library-watcher'
import { RecoveryJournal } from '../library/recovery-journal'
import type { SettingsStore } from '../settings/settings-store'
import { DeskTokenStore } from '../settings/desk-token-store'
import { DeskSessions } from '../desk/desk-sessions'
import { VersionStore } from '../history/version-store'
import type { LibraryChange } from '../library/library'
import { sweepStrayFiles, type SweepReport } from '../library/stray-files'

export interface AppServices<Settings extends SettingsStore = SettingsStore> extends RequestDoor {
  library: LibraryStore
  /** The list and full-text search, kept on disk beside the settings. */
  catalog: Catalog
  assets: AssetStore
  versions: VersionStore
  stylePacks: StylePacks
  slots: Slots
  copyfit: Copyfit
  recordings: RecordingStore
  exporter: Exporter
  importer: Importer
  recovery: RecoveryJournal
  locks: ArticleLocks
  settings: Settings
  /** The person's desk token, in its own file that only they may read. */
  deskToken: DeskTokenStore
  /** Shared stories and their editing sessions with the desk. */
  desk: DeskSessions
  events: EventHub
  handlers: Handlers
  /** Checks requests before a handler sees them, remembering the story blocks it found valid. */
  contract: Contract
  /** Starts reporting changes made to the library folder by anyone; returns how to stop. */
  watchLibrary(): () => Promise<void>
  /** Removes temp files and half-made articles that killed processes left; for a start. */
  sweepStrayFiles(): Promise<SweepReport>
  /**
   * Ends what the services started, the same way for the desktop app, the browser host and a
   * one-off command: shared stories write their article.json and end their connections to the
   * desk; the locks go next, so other desks may edit at once even if the rest stalls; then the library watcher stops, the index updates already asked for are made, and
   * the catalog's and import reader's threads end. `writeIndex` also writes the index in one
   * piece (a process that stayed up); without it the next start replays its short journal. Never
   * rejects: it runs after the work's own outcome, which a failure to tidy up must not replace.
   */
  close(options?: { writeIndex?: boolean }): Promise<void>
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
  /** The file that keeps this person's desk token (mode 0600), beside their settings. */
  deskTokenFile: string
  /**
   * Keeps the list and search in a worker thread, for a process that stays up (the desktop app,
   * the browser host); a one-off command reads them in its own thread.
   */
  catalogInWorker?: boolean
  desktop?: DesktopServices
}): AppServices<Settings> {
  const { settings, desktop } = options
  const events = new EventHub()
  // One memory of valid story blocks for every save path of this process: requests, files read
  // back after a save, and the list's index when it runs here.
  const bodies = new ValidBlockMemory()
  const where = { root: options.root, indexDir: options.indexDir }
  const catalog: Catalog = options.catalogInWorker
    ? new WorkerCatalog(where)
    : new LibraryCatalog(where.root, where.indexDir, bodies)
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
    bodies,
    onChange: announce,
    holderName: () => settings.get().displayName,
  })
  const assets = new AssetStore(library)
  const versions = new VersionStore(library, () => settings.get().displayName)
  library.afterSave = (previous, saved, folder) => versions.afterSave(previous, saved, folder)
  const stylePacks = new StylePacks(join(resourcesDir(), 'style'), options.userStyleDir)
  // The newsroom's slots are kept beside its style packs, in this person's settings folder.
  const slots = new Slots(join(resourcesDir(), 'slots'), join(options.userStyleDir, '..', 'slots'))
  const copyfit = new Copyfit(slots)
  const recordings = new RecordingStore(library)
  const exporter = new Exporter(assets, settings, stylePacks, copyfit)
  const importer = new Importer(library)
  const recovery = new RecoveryJournal(options.recoveryDir, library)
  const { locks } = library
  const deskToken = new DeskTokenStore(options.deskTokenFile)
  const desk = new DeskSessions({
    library,
    locks,
    connection: () => ({
      address: settings.get().deskAddress,
      token: deskToken.get(),
      tokenProblem: deskToken.loadProblem,
    }),
    events,
  })
  const handlers = createHandlers({
    library,
    catalog,
    settings,
    deskToken,
    desk,
    assets,
    versions,
    stylePacks,
    slots,
    copyfit,
    recordings,
    exporter,
    importer,
    recovery,
    locks,
    resourcesDir: resourcesDir(),
    events,
    ...(desktop && { desktop }),
  })
  const watching = new Set<() => Promise<void>>()
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
    const stop = () => {
      watching.delete(stop)
      return watcher.stop()
    }
    watching.add(stop)
    return stop
  }
  const close = async ({ writeIndex = true } = {}) => {
    // Shared stories first: each writes its article.json as the window editing it, which needs
    // that window's lock, and ends its connection to the desk, which would keep the process up.
    await desk.close()
    await locks.releaseAll().catch(() => undefined)
    await Promise.allSettled([
      ...[...watching].map((stop) => stop()),
      // The index is a cache: an update not written now is made again at the next start.
      catalog
        .idle()
        .then(() => (writeIndex ? catalog.flush() : undefined))
        .catch(() => undefined)
        .then(() => catalog.close()),
      importer.close(),
      assets.close(),
    ])
  }
  return {
    library,
    catalog,
    assets,
    versions,
    stylePacks,
    slots,
    copyfit,
    recordings,
    exporter,
    importer,
    recovery,
    locks,
    settings,
    deskToken,
    desk,
    events,
    handlers,
    contract: createContract(bodies),
    watchLibrary,
    close,
    sweepStrayFiles: () =>
      sweepStrayFiles([options.root, options.recoveryDir, options.indexDir, options.userStyleDir]),
  }
}

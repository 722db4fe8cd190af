import { join } from 'node:path'
import type { IpcMain, OpenDialogOptions, OpenDialogReturnValue } from 'electron'
import type { AppServices, createAppServices } from '../services/platform/app-services'
import type { AssetStore } from '../services/library/asset-store'
import type { DesktopServices } from '../services/platform/handlers'
import { builtRendererDir } from '../services/platform/app-paths'
import { resolveLibraryPath } from '../services/settings/locations'
import { filesFromArgv } from '../services/platform/opened-files'
import type { SettingsStore } from '../services/settings/settings-store'
import { APP_ORIGIN } from '../../shared/assets/asset-urls'
import { eventChannel } from '../../shared/ipc/channels'
import type { Settings } from '../../shared/settings/schema'
import type { DesktopIntegration } from './desktop-integration'
import { registerIpc, trustedOrigins } from './register-ipc'
import { hardenSession } from './security'
import { syncDictionary } from './spelling-dictionary'
import { urlOrigin } from './url-origin'

// Only types come from 'electron' and from the modules that import it: the lifecycle runs under
// plain Node in its tests, where the Electron binary is not there to load.

/** An event Electron lets a listener call off (open-file, will-quit). */
export interface PreventableEvent {
  preventDefault(): void
}

/** The part of Electron's `app` the lifecycle drives. */
export interface LifecycleApp {
  readonly isPackaged: boolean
  requestSingleInstanceLock(): boolean
  whenReady(): Promise<unknown>
  getPath(name: 'documents' | 'userData'): string
  quit(): void
  on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): unknown
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown
  on(event: 'activate' | 'before-quit' | 'window-all-closed', listener: () => void): unknown
}

/** Where the app was started from: Node's `process`. */
export interface LifecycleProcess {
  readonly argv: string[]
  readonly platform: NodeJS.Platform
  readonly env: NodeJS.ProcessEnv
  cwd(): string
}

/** What the lifecycle needs of a window: Electron's BrowserWindow, or a test's stand-in. */
export interface AppWindow {
  readonly webContents: { send(channel: string, payload: unknown): void }
  on(event: 'closed', listener: () => void): unknown
}

export interface OpenedMainWindow<Window extends AppWindow> {
  window: Window
  /** The page has saved everything: let the window close. */
  approveClose(): void
}

/** Settings that report each change, so the spellchecker and the menu can follow them. */
export interface ObservedSettingsStore extends SettingsStore {
  onUpdate?: (previous: Settings, next: Settings) => void
}

export type LifecycleSession = Parameters<typeof hardenSession>[0] &
  Parameters<typeof syncDictionary>[0]

export interface ImageDialog<Window extends AppWindow> {
  showOpenDialog(window: Window, options: OpenDialogOptions): Promise<OpenDialogReturnValue>
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>
}

export type DesktopIntegrationOptions<Window extends AppWindow> = Omit<
  ConstructorParameters<typeof DesktopIntegration>[0],
  'window'
> & { window(): Window }

export type LifecycleIntegration = Pick<
  DesktopIntegration,
  | 'takeOpenedAtStart'
  | 'batchProgress'
  | 'batchFinished'
  | 'settingsChanged'
  | 'rebuildMenu'
  | 'openFiles'
  | 'focus'
>

/** Electron, and the pieces of main that reach into it, as the lifecycle uses them. */
export interface LifecycleDependencies<Window extends AppWindow> {
  app: LifecycleApp
  process: LifecycleProcess
  /** Every open window: events from the services go to each. */
  allWindows(): Window[]
  dialog: ImageDialog<Window>
  ipcMain: Pick<IpcMain, 'handle'>
  /** Read once the app is ready: Electron has no default session before. */
  session: { readonly defaultSession: LifecycleSession }
  /** The app:// scheme must be privileged before the app is ready. */
  registerAppScheme(): void
  serveRenderer(rendererDir: string, assets: AssetStore): void
  createSettings(): ObservedSettingsStore
  createAppServices: typeof createAppServices<ObservedSettingsStore>
  openMainWindow(options: {
    settings: ObservedSettingsStore
    appUrl: string
    isAppUrl: (url: string) => boolean
  }): OpenedMainWindow<Window>
  createDesktopIntegration(options: DesktopIntegrationOptions<Window>): LifecycleIntegration
}

/**
 * The desktop app from launch to quit: one instance at a time, the services and the main window
 * once Electron is ready, files handed over by the OS, and a quit that waits for the window to
 * save and for the services to close.
 */
export class AppLifecycle<Window extends AppWindow> {
  private readonly devServerUrl: string | undefined
  private readonly appOrigins: string[]
  // macOS hands files over with open-file, possibly before the app is ready.
  private readonly filesBeforeReady: string[] = []
  /** Files wait in `filesBeforeReady` until start hands them, and all later ones, to the integration. */
  private openFiles: (paths: string[]) => void = (paths) =>
    void this.filesBeforeReady.push(...paths)
  private main: OpenedMainWindow<Window> | undefined
  private quitting = false

  constructor(private readonly electron: LifecycleDependencies<Window>) {
    // electron-vite sets this while `npm run dev` serves the renderer with hot reload.
    // Only in development: a packaged app never trusts an origin named by an environment variable.
    this.devServerUrl = electron.app.isPackaged
      ? undefined
      : electron.process.env.ELECTRON_RENDERER_URL
    const devServerOrigin = this.devServerUrl ? urlOrigin(this.devServerUrl) : undefined
    this.appOrigins = [APP_ORIGIN, ...(devServerOrigin ? [devServerOrigin] : [])]
  }

  /** Resolves once the main window is open, or at once for a second launch, which quits. */
  run(): Promise<void> {
    const { app } = this.electron
    // One Copydesk at a time: a second launch hands its files to the running one and ends.
    const primary = app.requestSingleInstanceLock()
    if (!primary) app.quit()
    app.on('open-file', (event, path) => {
      event.preventDefault()
      this.openFiles([path])
    })
    let started = Promise.resolve()
    if (primary) {
      this.electron.registerAppScheme()
      started = app.whenReady().then(() => this.start())
    }
    app.on('window-all-closed', () => {
      if (this.electron.process.platform !== 'darwin') app.quit()
    })
    return started
  }

  private start(): void {
    const { app, session } = this.electron
    const settings = this.electron.createSettings()
    const root = resolveLibraryPath({
      flag: this.flagValue('--library'),
      setting: settings.get().libraryPath,
      documentsDir: app.getPath('documents'),
    })
    const mainWindow = () => (this.main ?? this.openMainWindow(settings)).window

    const desktop: DesktopServices = {
      chooseImages: () => this.chooseImages(),
      closeWindow: () => this.main?.approveClose(),
      // Called only once the page runs, after `integration` below exists.
      takeOpenedAtStart: () => integration.takeOpenedAtStart(),
      batchProgress: (done, total) => integration.batchProgress(done, total),
      batchFinished: (summary, seconds) => integration.batchFinished(summary, seconds),
    }
    const services = this.electron.createAppServices({
      root,
      settings,
      desktop,
      userStyleDir: join(app.getPath('userData'), 'style'),
      recoveryDir: join(app.getPath('userData'), 'recovery'),
      indexDir: join(app.getPath('userData'), 'search-index'),
      deskTokenFile: join(app.getPath('userData'), 'desk-token'),
      catalogInWorker: true,
    })
    const { assets, events, locks, catalog, importer, library } = services

    hardenSession(session.defaultSession)
    syncDictionary(session.defaultSession, [], settings.get().dictionary)
    const integration = this.electron.createDesktopIntegration({
      library,
      catalog,
      importer,
      settings,
      window: mainWindow,
    })
    settings.onUpdate = (previous, next) => {
      syncDictionary(session.defaultSession, previous.dictionary, next.dictionary)
      void integration.settingsChanged(previous, next)
    }
    this.electron.serveRenderer(builtRendererDir(), assets)
    registerIpc(
      this.electron.ipcMain,
      services,
      trustedOrigins(this.appOrigins),
      // Its shared stories write their article.json first, as it, while it still holds their locks.
      (client) => void services.desk.leaveClient(client).then(() => locks.releaseClient(client)),
    )
    services.watchLibrary()
    void services.sweepStrayFiles()
    void services.desk.catchUp()
    this.closeServicesBeforeExit(services)
    events.subscribe((event, payload) => {
      for (const window of this.electron.allWindows())
        window.webContents.send(eventChannel(event), payload)
    })

    this.openMainWindow(settings)
    void integration.rebuildMenu()
    app.on('activate', () => {
      if (this.electron.allWindows().length === 0) this.openMainWindow(settings)
    })
    // A quit closes the window first, which waits for the page to save; a failed save keeps
    // the window open with the reason, and the quit is called off.
    app.on('before-quit', () => (this.quitting = true))

    this.openFiles = (paths) => void integration.openFiles(paths)
    app.on('second-instance', (_event, argv, workingDirectory) => {
      integration.focus()
      void filesFromArgv(argv, workingDirectory).then((paths) => this.openFiles(paths))
    })
    const { argv } = this.electron.process
    void filesFromArgv(argv, this.electron.process.cwd()).then((paths) =>
      this.openFiles([...this.filesBeforeReady, ...paths]),
    )
  }

  private readonly isAppUrl = (url: string): boolean => {
    const origin = urlOrigin(url)
    return origin !== undefined && this.appOrigins.includes(origin)
  }

  private openMainWindow(settings: ObservedSettingsStore): OpenedMainWindow<Window> {
    const opened = this.electron.openMainWindow({
      settings,
      appUrl: this.devServerUrl ?? `${APP_ORIGIN}/index.html`,
      isAppUrl: this.isAppUrl,
    })
    opened.window.on('closed', () => {
      this.main = undefined
      // Quitting waited for this window to save and close (macOS keeps the app otherwise).
      if (this.quitting) this.electron.app.quit()
    })
    this.main = opened
    return opened
  }

  /** Locks released and the search index written in one piece before the process goes. */
  private closeServicesBeforeExit(services: Pick<AppServices, 'close'>): void {
    const { app } = this.electron
    let closed = false
    app.on('will-quit', (event) => {
      if (closed) return
      event.preventDefault()
      void services.close().then(() => {
        closed = true
        app.quit()
      })
    })
  }

  private async chooseImages(): Promise<string[]> {
    const { dialog } = this.electron
    const options: OpenDialogOptions = {
      title: 'Insert image',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Images', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif'] }],
    }
    const chosen = this.main
      ? await dialog.showOpenDialog(this.main.window, options)
      : await dialog.showOpenDialog(options)
    return chosen.canceled ? [] : chosen.filePaths
  }

  private flagValue(name: string): string | undefined {
    const { argv } = this.electron.process
    const index = argv.indexOf(name)
    return index >= 0 ? argv[index + 1] : undefined
  }
}

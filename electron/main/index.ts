import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, session, type OpenDialogOptions } from 'electron'
import { createAppServices } from '../services/app-services'
import type { DesktopServices } from '../services/handlers'
import { builtRendererDir } from '../services/app-paths'
import { resolveLibraryPath } from '../services/locations'
import { APP_ORIGIN } from '../../shared/assets/asset-urls'
import { eventChannel } from '../../shared/ipc/channels'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { urlOrigin } from './url-origin'
import { ElectronSettingsStore } from './electron-settings-store'
import { createMainWindow, type MainWindow } from './main-window'
import { registerIpc, trustedOrigins } from './register-ipc'
import { hardenSession } from './security'
import { installSpelling, syncDictionary } from './spelling'
import { DesktopIntegration } from './desktop-integration'
import { filesFromArgv } from '../services/opened-files'

function flagValue(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

// electron-vite sets this while `npm run dev` serves the renderer with hot reload.
// Only in development: a packaged app never trusts an origin named by an environment variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const devServerOrigin = devServerUrl ? urlOrigin(devServerUrl) : undefined
const appOrigins = [APP_ORIGIN, ...(devServerOrigin ? [devServerOrigin] : [])]
const isAppUrl = (url: string) => {
  const origin = urlOrigin(url)
  return origin !== undefined && appOrigins.includes(origin)
}

// One Copydesk at a time: a second launch hands its files to the running one and ends.
const primary = app.requestSingleInstanceLock()
if (!primary) app.quit()

// macOS hands files over with open-file, possibly before the app is ready.
const filesBeforeReady: string[] = []
let openFiles = (paths: string[]) => void filesBeforeReady.push(...paths)
app.on('open-file', (event, path) => {
  event.preventDefault()
  openFiles([path])
})

if (primary) {
  registerAppScheme()
  void app.whenReady().then(start)
}

function start() {
  const settings = new ElectronSettingsStore({})
  const root = resolveLibraryPath({
    flag: flagValue('--library'),
    setting: settings.get().libraryPath,
    documentsDir: app.getPath('documents'),
  })
  let main: MainWindow | undefined
  let quitting = false
  const mainWindow = () => (main ?? open()).window

  const desktop: DesktopServices = {
    async chooseImages() {
      const options: OpenDialogOptions = {
        title: 'Insert image',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Images', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif'] }],
      }
      const chosen = main
        ? await dialog.showOpenDialog(main.window, options)
        : await dialog.showOpenDialog(options)
      return chosen.canceled ? [] : chosen.filePaths
    },
    closeWindow: () => main?.approveClose(),
    // Called only once the page runs, after `integration` below exists.
    takeOpenedAtStart: () => integration.takeOpenedAtStart(),
    batchProgress: (done, total) => integration.batchProgress(done, total),
    batchFinished: (summary, seconds) => integration.batchFinished(summary, seconds),
  }
  const services = createAppServices({
    root,
    settings,
    desktop,
    userStyleDir: join(app.getPath('userData'), 'style'),
    recoveryDir: join(app.getPath('userData'), 'recovery'),
    indexDir: join(app.getPath('userData'), 'search-index'),
    catalogInWorker: true,
  })
  const { assets, events, handlers, locks, catalog, importer, library } = services

  hardenSession(session.defaultSession)
  syncDictionary(session.defaultSession, [], settings.get().dictionary)
  const integration = new DesktopIntegration({
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
  serveRenderer(builtRendererDir(), assets)
  registerIpc(
    ipcMain,
    handlers,
    trustedOrigins(appOrigins),
    (client) => void locks.releaseClient(client),
  )
  services.watchLibrary()
  void services.sweepStrayFiles()
  let cleanedUp = false
  app.on('will-quit', (event) => {
    if (cleanedUp) return
    // Locks released and the search index written in one piece before the process goes.
    event.preventDefault()
    void services.close().then(() => {
      cleanedUp = true
      app.quit()
    })
  })
  events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(eventChannel(event), payload)
  })

  function open(): MainWindow {
    const opened = createMainWindow({
      settings,
      appUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      isAppUrl,
    })
    installSpelling(opened.window, settings)
    opened.window.on('closed', () => {
      main = undefined
      // Quitting waited for this window to save and close (macOS keeps the app otherwise).
      if (quitting) app.quit()
    })
    main = opened
    return opened
  }
  open()
  void integration.rebuildMenu()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
  // A quit closes the window first, which waits for the page to save; a failed save keeps
  // the window open with the reason, and the quit is called off.
  app.on('before-quit', () => (quitting = true))

  openFiles = (paths) => void integration.openFiles(paths)
  app.on('second-instance', (_event, argv, workingDirectory) => {
    integration.focus()
    void filesFromArgv(argv, workingDirectory).then(openFiles)
  })
  void filesFromArgv(process.argv, process.cwd()).then((paths) =>
    openFiles([...filesBeforeReady, ...paths]),
  )
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

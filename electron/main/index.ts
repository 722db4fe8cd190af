import { app, BrowserWindow, ipcMain, session } from 'electron'
import { join } from 'node:path'
import { createHandlers } from '../services/handlers'
import { EventHub } from '../services/event-hub'
import { LibraryStore } from '../services/library-store'
import { defaultDisplayName, resolveLibraryPath } from '../services/locations'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol'
import { urlOrigin } from './url-origin'
import { ElectronSettingsStore } from './electron-settings-store'
import { createMainWindow } from './main-window'
import { registerIpc, trustedOrigins } from './register-ipc'
import { hardenSession } from './security'

function flagValue(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

// electron-vite sets this while `npm run dev` serves the renderer with hot reload.
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appOrigins = [APP_ORIGIN, ...(devServerUrl ? [urlOrigin(devServerUrl) ?? ''] : [])]
const isAppUrl = (url: string) => appOrigins.includes(urlOrigin(url) ?? '')

registerAppScheme()

void app.whenReady().then(() => {
  const settings = new ElectronSettingsStore({ displayName: defaultDisplayName() })
  const events = new EventHub()
  const root = resolveLibraryPath({
    flag: flagValue('--library'),
    setting: settings.get().libraryPath,
    documentsDir: app.getPath('documents'),
  })
  const library = new LibraryStore(root, {
    onChange: (change) => events.emit('library:changed', change),
  })

  hardenSession(session.defaultSession)
  serveRenderer(join(__dirname, '../renderer'))
  registerIpc(ipcMain, createHandlers({ library, settings }), trustedOrigins(appOrigins))
  events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(`event:${event}`, payload)
  })

  const open = () =>
    createMainWindow({ settings, appUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`, isAppUrl })
  open()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

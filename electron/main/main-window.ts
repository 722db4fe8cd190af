import { BrowserWindow, dialog, screen } from 'electron'
import { join } from 'node:path'
import type { Settings } from '../../shared/settings/schema'
import type { SettingsStore } from '../services/settings/settings-store'
import { hardenContents } from './security'

const DEFAULT_SIZE = { width: 1280, height: 860 }

/** Restores the saved bounds only while they still fit on a connected display. */
function restoredBounds(saved: Settings['windowBounds']): Partial<Electron.Rectangle> {
  if (!saved) return DEFAULT_SIZE
  const visible = screen
    .getAllDisplays()
    .some(
      ({ workArea }) =>
        saved.x >= workArea.x - 50 &&
        saved.y >= workArea.y - 50 &&
        saved.x + saved.width <= workArea.x + workArea.width + 50 &&
        saved.y + saved.height <= workArea.y + workArea.height + 50,
    )
  return visible ? saved : { width: saved.width, height: saved.height }
}

function confirmCloseWithoutSaving(window: BrowserWindow): boolean {
  const choice = dialog.showMessageBoxSync(window, {
    type: 'warning',
    buttons: ['Keep editing', 'Close without saving'],
    defaultId: 0,
    cancelId: 0,
    message: 'Your latest changes have not been saved.',
    detail:
      'The save status in the window says why. Close anyway, and lose the changes since the last save?',
  })
  return choice === 1
}

export interface MainWindow {
  window: BrowserWindow
  /** The page has saved everything: let the window close. */
  approveClose(): void
}

export function createMainWindow(options: {
  settings: SettingsStore
  appUrl: string
  isAppUrl: (url: string) => boolean
}): MainWindow {
  const window = new BrowserWindow({
    ...restoredBounds(options.settings.get().windowBounds),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Copydesk',
    // Written out here, not spread from a constant, so the security scan (electronegativity) can
    // read every option where the window is made. The renderer runs like a web page: isolated,
    // sandboxed, with no Node.js anywhere, and middle clicks cannot open windows.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      preload: join(__dirname, '../preload/index.js'),
    },
  })
  hardenContents(window.webContents, options.isAppUrl)
  window.once('ready-to-show', () => window.show())
  // Closing waits for the page to save; if the save fails the window stays open, showing why.
  // Asked a second time while the page still has not confirmed, main offers to close anyway.
  // A page that has crashed, or hangs, has nothing it can save and does not hold the window.
  let closeApproved = false
  let closeRequested = false
  let pageHung = false
  const approveClose = () => {
    closeApproved = true
    window.close()
  }
  window.webContents.on('render-process-gone', () => (closeApproved = true))
  window.webContents.on('unresponsive', () => (pageHung = true))
  window.webContents.on('responsive', () => (pageHung = false))
  window.on('close', (event) => {
    void options.settings.update({ windowBounds: window.getNormalBounds() })
    if (closeApproved || pageHung) return
    event.preventDefault()
    if (closeRequested && confirmCloseWithoutSaving(window)) return approveClose()
    closeRequested = true
    window.webContents.send('event:window:closing', {})
  })
  void window.loadURL(options.appUrl)
  return { window, approveClose }
}

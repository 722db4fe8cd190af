import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { createAppServices } from '../services/platform/app-services'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { AppLifecycle } from './app-lifecycle'
import { DesktopIntegration } from './desktop-integration'
import { ElectronSettingsStore } from './electron-settings-store'
import { createMainWindow } from './main-window'
import { installSpelling } from './spelling'

void new AppLifecycle<BrowserWindow>({
  app,
  process,
  allWindows: () => BrowserWindow.getAllWindows(),
  dialog,
  ipcMain,
  session,
  registerAppScheme,
  serveRenderer,
  createSettings: () => new ElectronSettingsStore({}),
  createAppServices,
  openMainWindow: (options) => {
    const opened = createMainWindow(options)
    installSpelling(opened.window, options.settings)
    return opened
  },
  createDesktopIntegration: (options) => new DesktopIntegration(options),
}).run()

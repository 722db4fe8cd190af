import { beforeEach, describe, expect, it, vi } from 'vitest'
import { SettingsSchema, type Settings } from '../../shared/settings/schema'

type Handler = (...args: unknown[]) => unknown

class FakeContents {
  readonly handlers = new Map<string, Handler>()
  readonly sent: string[] = []
  send(channel: string) {
    this.sent.push(channel)
  }
  windowOpenHandler?: Handler
  on(event: string, handler: Handler) {
    this.handlers.set(event, handler)
    return this
  }
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler
  }
}

class FakeBrowserWindow {
  static last: FakeBrowserWindow
  readonly webContents = new FakeContents()
  loadedUrl = ''
  closed = false
  readonly windowHandlers = new Map<string, Handler>()
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    FakeBrowserWindow.last = this
  }
  once() {}
  on(event: string, handler: Handler) {
    this.windowHandlers.set(event, handler)
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 860 }
  }
  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    this.windowHandlers.get('close')?.(event)
    if (!event.defaultPrevented) this.closed = true
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeBrowserWindow,
  dialog: { showMessageBoxSync: () => 0 },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}))

const { createMainWindow } = await import('./main-window')
const { hardenSession } = await import('./security')

function settingsWith(windowBounds?: Settings['windowBounds']) {
  const settings: Settings = SettingsSchema.parse({ displayName: 'Ana', windowBounds })
  return { get: () => settings, update: vi.fn(async () => settings) }
}

const isAppUrl = (url: string) => url.startsWith('app://copydesk/')

describe('main window', () => {
  beforeEach(() => {
    createMainWindow({ settings: settingsWith(), appUrl: 'app://copydesk/index.html', isAppUrl })
  })

  it('runs the renderer isolated, sandboxed and without Node', () => {
    const prefs = FakeBrowserWindow.last.options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(prefs?.preload).toMatch(/preload[/\\]index\.js$/)
    expect(FakeBrowserWindow.last.loadedUrl).toBe('app://copydesk/index.html')
  })

  it('blocks navigation away from the app, new windows and webviews', () => {
    const { handlers, windowOpenHandler } = FakeBrowserWindow.last.webContents
    const attempt = (event: string, url: string) => {
      const preventDefault = vi.fn()
      handlers.get(event)?.({ preventDefault }, url)
      return preventDefault.mock.calls.length > 0
    }
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(attempt('will-navigate', 'app://copydesk/index.html')).toBe(false)
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true)
    expect(attempt('will-attach-webview', 'https://evil.example/')).toBe(true)
    expect(windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })

  it('restores saved bounds that fit on a display', () => {
    createMainWindow({
      settings: settingsWith({ x: 100, y: 80, width: 1000, height: 700 }),
      appUrl: 'app://copydesk/',
      isAppUrl,
    })
    expect(FakeBrowserWindow.last.options).toMatchObject({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
    })
    createMainWindow({
      settings: settingsWith({ x: 5000, y: 80, width: 1000, height: 700 }),
      appUrl: 'app://copydesk/',
      isAppUrl,
    })
    expect(FakeBrowserWindow.last.options).not.toHaveProperty('x')
  })
})

describe('closing the window', () => {
  it('asks the page to save first, and closes once the page confirms', () => {
    const main = createMainWindow({ settings: settingsWith(), appUrl: 'app://copydesk/', isAppUrl })
    const window = FakeBrowserWindow.last
    window.close()
    expect(window.closed).toBe(false)
    expect(window.webContents.sent).toEqual(['event:window:closing'])
    main.approveClose()
    expect(window.closed).toBe(true)
  })

  it('keeps the window, and so calls off a quit, while the page has not saved', () => {
    // app.quit() closes every window; a close that is prevented cancels the quit.
    createMainWindow({ settings: settingsWith(), appUrl: 'app://copydesk/', isAppUrl })
    const window = FakeBrowserWindow.last
    window.close()
    // The save failed: the page shows why and does not confirm. Quitting again asks first,
    // and "Keep editing" (the dialog's default) keeps the window and the unsaved text.
    window.close()
    expect(window.closed).toBe(false)
    expect(window.webContents.sent).toEqual(['event:window:closing', 'event:window:closing'])
  })

  it('does not wait for a page that has crashed', () => {
    createMainWindow({ settings: settingsWith(), appUrl: 'app://copydesk/', isAppUrl })
    const window = FakeBrowserWindow.last
    window.webContents.handlers.get('render-process-gone')?.()
    window.close()
    expect(window.closed).toBe(true)
  })
})

describe('session', () => {
  it('denies every permission request and check', () => {
    let requestHandler: Handler = () => undefined
    let checkHandler: Handler = () => true
    hardenSession({
      setPermissionRequestHandler: (handler: Handler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: Handler) => (checkHandler = handler),
    } as unknown as Electron.Session)
    const callback = vi.fn()
    requestHandler({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(checkHandler({}, 'notifications')).toBe(false)
  })
})

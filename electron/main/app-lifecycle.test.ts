import { EventEmitter } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../shared/ipc/channels'
import type { Settings } from '../../shared/settings/schema'
import { createAppServices, type AppServices } from '../services/platform/app-services'
import { FileSettingsStore } from '../services/settings/file-settings-store'
import { makeTempDir } from '../services/testing/test-support'
import {
  AppLifecycle,
  type LifecycleIntegration,
  type ObservedSettingsStore,
  type PreventableEvent,
} from './app-lifecycle'

/** Electron's `app` as far as the lifecycle sees it: events, and a ready the test controls. */
class FakeApp extends EventEmitter {
  readonly isPackaged = true
  quitCalls = 0
  private markReady: () => void = () => undefined
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve))
  private readonly quitWaiters: (() => void)[] = []

  constructor(
    private readonly userData: string,
    private readonly isOnlyInstance: boolean,
  ) {
    super()
  }

  requestSingleInstanceLock(): boolean {
    return this.isOnlyInstance
  }
  whenReady(): Promise<void> {
    return this.ready
  }
  becomeReady(): void {
    this.markReady()
  }
  getPath(name: string): string {
    return join(this.userData, name)
  }
  quit(): void {
    this.quitCalls++
    for (const resolve of this.quitWaiters.splice(0)) resolve()
  }
  nextQuit(): Promise<void> {
    return new Promise((resolve) => this.quitWaiters.push(resolve))
  }
}

class FakeWindow extends EventEmitter {
  readonly sent: [string, unknown][] = []
  readonly webContents = {
    send: (channel: string, payload: unknown) => void this.sent.push([channel, payload]),
  }
  destroyed = false
  close(): void {
    this.destroyed = true
    this.emit('closed')
  }
}

/** Stands in for DesktopIntegration, which needs Electron's menus and dialogs. */
class FakeIntegration implements LifecycleIntegration {
  readonly opened: string[][] = []
  focusCalls = 0
  private readonly openWaiters: (() => void)[] = []

  takeOpenedAtStart(): undefined {
    return undefined
  }
  batchProgress(): void {}
  batchFinished(): void {}
  async settingsChanged(): Promise<void> {}
  async rebuildMenu(): Promise<void> {}
  async openFiles(paths: string[]): Promise<void> {
    this.opened.push(paths)
    for (const resolve of this.openWaiters.splice(0)) resolve()
  }
  focus(): void {
    this.focusCalls++
  }
  /** Every batch of files opened so far, once there are at least `count`. */
  async openedBatches(count: number): Promise<string[][]> {
    while (this.opened.length < count)
      await new Promise<void>((resolve) => this.openWaiters.push(resolve))
    return this.opened
  }
}

/** The settings file as the app keeps it, telling the lifecycle of each change as electron-store does. */
class ObservedFileSettings extends FileSettingsStore implements ObservedSettingsStore {
  onUpdate?: (previous: Settings, next: Settings) => void

  override async update(patch: Partial<Settings>): Promise<Settings> {
    const previous = this.get()
    const next = await super.update(patch)
    this.onUpdate?.(previous, next)
    return next
  }
}

function fakeSession() {
  const words = new Set<string>()
  return {
    words,
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    addWordToSpellCheckerDictionary: (word: string) => (words.add(word), true),
    removeWordFromSpellCheckerDictionary: (word: string) => words.delete(word),
  }
}

const preventable = () => {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
  return event satisfies PreventableEvent
}

let temp: ReturnType<typeof makeTempDir>
let libraryDir: string
let launched: ReturnType<typeof launch> | undefined

beforeEach(() => {
  temp = makeTempDir()
  libraryDir = join(temp.path, 'library')
})
afterEach(async () => {
  await launched?.closeServices()
  launched = undefined
  await temp.remove()
})

/**
 * Runs the lifecycle on fakes of Electron, with the real services on a temp library. Closing the
 * services, when the lifecycle asks, waits for `closeMay` to resolve.
 */
function launch(
  options: {
    platform?: NodeJS.Platform
    argv?: string[]
    isOnlyInstance?: boolean
    closeMay?: Promise<void>
  } = {},
) {
  const app = new FakeApp(join(temp.path, 'user-data'), options.isOnlyInstance ?? true)
  const windows: FakeWindow[] = []
  const integration = new FakeIntegration()
  const session = fakeSession()
  const ipcChannels: string[] = []
  let schemeRegistered = false
  let settings: ObservedFileSettings | undefined
  let services: AppServices<ObservedSettingsStore> | undefined
  let closeCalls = 0
  let closed: Promise<void> | undefined

  const lifecycle = new AppLifecycle<FakeWindow>({
    app,
    process: {
      argv: ['copydesk', '--library', libraryDir, ...(options.argv ?? [])],
      platform: options.platform ?? 'linux',
      env: {},
      cwd: () => temp.path,
    },
    allWindows: () => windows.filter((window) => !window.destroyed),
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    ipcMain: { handle: (channel) => void ipcChannels.push(channel) },
    session: { defaultSession: session },
    registerAppScheme: () => (schemeRegistered = true),
    serveRenderer: () => undefined,
    createSettings: () => (settings = new ObservedFileSettings(join(temp.path, 'settings.json'))),
    createAppServices: (serviceOptions) => {
      const real = createAppServices(serviceOptions)
      services = real
      return {
        ...real,
        close: async (closeOptions) => {
          closeCalls++
          await options.closeMay
          closed ??= real.close(closeOptions)
          return closed
        },
      }
    },
    openMainWindow: () => {
      const window = new FakeWindow()
      windows.push(window)
      return { window, approveClose: () => window.close() }
    },
    createDesktopIntegration: () => integration,
  })
  const running = lifecycle.run()

  return {
    app,
    windows,
    integration,
    session,
    ipcChannels,
    running,
    schemeRegistered: () => schemeRegistered,
    settings: () => settings,
    services: () => services,
    closeCalls: () => closeCalls,
    /** Ready, started, and the files of the launch (none unless given) handed over. */
    async start() {
      app.becomeReady()
      await running
      await integration.openedBatches(1)
    },
    async closeServices() {
      if (services) await (closed ??= services.close())
    },
  }
}

function writeStory(name: string): string {
  const path = join(temp.path, name)
  writeFileSync(path, `# ${name}\n\nText.\n`)
  return path
}

describe('the app lifecycle', () => {
  it('quits a second launch without starting anything', async () => {
    launched = launch({ isOnlyInstance: false })
    expect(launched.app.quitCalls).toBe(1)
    launched.app.becomeReady()
    await launched.running
    expect(launched.schemeRegistered()).toBe(false)
    expect(launched.services()).toBeUndefined()
    expect(launched.windows).toEqual([])
  })

  it('registers the app scheme before ready, then opens the window on the chosen library', async () => {
    launched = launch()
    expect(launched.schemeRegistered()).toBe(true)
    expect(launched.services()).toBeUndefined()
    await launched.start()
    expect(launched.app.quitCalls).toBe(0)
    expect(launched.services()?.library.root).toBe(libraryDir)
    expect(launched.windows).toHaveLength(1)
    expect([...launched.ipcChannels].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('holds the quit until the services have closed, once, then quits', async () => {
    let allowClose: () => void = () => undefined
    launched = launch({ closeMay: new Promise((resolve) => (allowClose = resolve)) })
    await launched.start()

    const firstWillQuit = preventable()
    launched.app.emit('will-quit', firstWillQuit)
    expect(firstWillQuit.prevented).toBe(true)
    expect(launched.closeCalls()).toBe(1)
    expect(launched.app.quitCalls).toBe(0)

    const quit = launched.app.nextQuit()
    allowClose()
    await quit
    expect(launched.app.quitCalls).toBe(1)

    // Electron sends will-quit again for the quit the lifecycle asked for: now it may go.
    const secondWillQuit = preventable()
    launched.app.emit('will-quit', secondWillQuit)
    expect(secondWillQuit.prevented).toBe(false)
    expect(launched.closeCalls()).toBe(1)
  })

  it('opens the files macOS handed over before ready with those of the command line, once', async () => {
    const handedOver = writeStory('handed-over.md')
    const onCommandLine = writeStory('on-command-line.md')
    launched = launch({ argv: [onCommandLine] })
    const openFile = preventable()
    launched.app.emit('open-file', openFile, handedOver)
    expect(openFile.prevented).toBe(true)

    await launched.start()
    expect(launched.integration.opened).toEqual([[handedOver, onCommandLine]])

    const later = writeStory('later.md')
    launched.app.emit('open-file', preventable(), later)
    expect(await launched.integration.openedBatches(2)).toEqual([
      [handedOver, onCommandLine],
      [later],
    ])
  })

  it('brings the window forward for a second launch and opens its files', async () => {
    launched = launch()
    await launched.start()
    const folder = join(temp.path, 'desk')
    mkdirSync(folder)
    writeFileSync(join(folder, 'story.md'), '# Story\n')

    launched.app.emit('second-instance', {}, ['copydesk', 'story.md'], folder)
    expect(launched.integration.focusCalls).toBe(1)
    expect(await launched.integration.openedBatches(2)).toEqual([[], [join(folder, 'story.md')]])
  })

  it('quits when the last window closes, except on macOS', async () => {
    launched = launch({ platform: 'linux' })
    launched.app.emit('window-all-closed')
    expect(launched.app.quitCalls).toBe(1)

    const mac = launch({ platform: 'darwin' })
    mac.app.emit('window-all-closed')
    expect(mac.app.quitCalls).toBe(0)
  })

  it('sends the events of the services to every window, on the event’s channel', async () => {
    launched = launch()
    await launched.start()
    const other = new FakeWindow()
    launched.windows.push(other)

    launched.services()?.events.emit('export:progress', { done: 1, total: 3 })
    for (const window of launched.windows)
      expect(window.sent).toContainEqual(['event:export:progress', { done: 1, total: 3 }])
  })

  it('quits once the window has closed for a quit, and otherwise reopens it on activate', async () => {
    launched = launch({ platform: 'darwin' })
    await launched.start()
    const [first] = launched.windows
    first?.close()
    expect(launched.app.quitCalls).toBe(0)

    launched.app.emit('activate')
    expect(launched.windows).toHaveLength(2)
    launched.app.emit('before-quit')
    launched.windows[1]?.close()
    expect(launched.app.quitCalls).toBe(1)
  })

  it('keeps the spellchecker’s dictionary in step with the newsroom dictionary', async () => {
    writeFileSync(join(temp.path, 'settings.json'), JSON.stringify({ dictionary: ['Ljubljana'] }))
    launched = launch()
    await launched.start()
    expect([...launched.session.words]).toEqual(['Ljubljana'])

    await launched.settings()?.update({ dictionary: ['Maribor'] })
    expect([...launched.session.words]).toEqual(['Maribor'])
  })
})

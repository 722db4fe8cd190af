import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SettingsSchema } from '../../shared/settings/schema'
import type { NodeServices } from '../services/platform/node-services'
import { createTempServices, makeTempDir } from '../services/testing/test-support'

const electron = vi.hoisted(() => ({
  sent: [] as [string, unknown][],
  menus: [] as unknown[],
  recentDocuments: [] as string[],
  messages: [] as string[],
  notifications: [] as string[],
  progress: [] as number[],
}))

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    addRecentDocument: (path: string) => electron.recentDocuments.push(path),
  },
  dialog: {
    showMessageBox: async (_window: unknown, options: { message: string; detail: string }) => {
      electron.messages.push(`${options.message}: ${options.detail}`)
      return { response: 0 }
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => electron.menus.push(menu),
  },
  Notification: class {
    static isSupported = () => true
    constructor(private readonly options: { body: string }) {}
    show() {
      electron.notifications.push(this.options.body)
    }
  },
}))

const { DesktopIntegration } = await import('./desktop-integration')

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let integration: InstanceType<typeof DesktopIntegration>
const window = {
  webContents: {
    send: (channel: string, payload: unknown) => electron.sent.push([channel, payload]),
  },
  isMinimized: () => false,
  restore: vi.fn(),
  focus: vi.fn(),
  isFocused: () => true,
  setProgressBar: (value: number) => electron.progress.push(value),
}

beforeAll(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  integration = new DesktopIntegration({
    ...services,
    window: () => window as unknown as Electron.BrowserWindow,
  })
})
afterAll(async () => {
  await services.importer.close()
  await temp.remove()
})

describe('desktop integration (with a mocked electron)', () => {
  it('keeps a file opened before the page runs for the page to show first, then sends later ones', async () => {
    const early = join(temp.path, 'early.md')
    writeFileSync(early, '# Opened at start\n\nText.\n')
    await integration.openFiles([early])
    expect(electron.sent).toEqual([])
    const atStart = integration.takeOpenedAtStart()
    const opened = atStart && (await services.library.open(atStart.id))
    expect(opened?.ok && opened.value.headline).toBe('Opened at start')
    expect(integration.takeOpenedAtStart()).toBeUndefined()

    const later = join(temp.path, 'later.txt')
    writeFileSync(later, 'Opened later\n\nText.\n')
    await integration.openFiles([later])
    expect(electron.sent).toEqual([
      ['event:app:open-article', { id: expect.any(String), notes: [] }],
    ])
    expect(window.focus).toHaveBeenCalled()
  })

  it('answers a file it cannot open with a message naming it and the reason', async () => {
    const odd = join(temp.path, 'layout.indd')
    writeFileSync(odd, 'x')
    await integration.openFiles([odd])
    expect(electron.messages).toEqual([
      'Copydesk cannot open layout.indd: layout.indd is not a file Copydesk opens.',
    ])
  })

  it('sends page commands to the page', () => {
    electron.sent.length = 0
    integration.run('edit:find')
    expect(electron.sent).toEqual([['event:app:command', { command: 'edit:find' }]])
  })

  it('lists recent articles in the menu and the OS when the settings change', async () => {
    const created = await services.library.create({ headline: 'Recent story' })
    if (!created.ok) throw new Error(created.error.message)
    const before = SettingsSchema.parse({})
    const after = SettingsSchema.parse({ recentArticles: [created.value.id] })
    await integration.settingsChanged(before, after)
    expect(electron.recentDocuments.at(-1)).toMatch(/recent-story-[0-9a-f]{8}[/\\]article\.json$/)
    const menu = JSON.stringify(electron.menus.at(-1))
    expect(menu).toContain('"label":"Recent story"')
  })

  it('shows batch progress on the taskbar, and a notification after a long export', () => {
    integration.batchProgress(1, 4)
    integration.batchProgress(4, 4)
    expect(electron.progress).toEqual([0.25, -1])
    integration.batchFinished('3 of 4 articles exported.', 2)
    expect(electron.notifications).toEqual([])
    integration.batchFinished('40 of 40 articles exported.', 12)
    expect(electron.notifications).toEqual(['40 of 40 articles exported.'])
  })
})

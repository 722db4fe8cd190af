import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { COMMAND_IDS, COMMANDS } from '../../shared/commands/commands'
import { appMenuTemplate, MAIN_COMMANDS, type MenuOptions } from './app-menu'

function menuFor(platform: NodeJS.Platform, overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = {
    platform,
    recent: [
      { id: 'a1', headline: 'Bridge to close' },
      { id: 'b2', headline: '' },
    ],
    developer: false,
    run: vi.fn(),
    openRecent: vi.fn(),
    ...overrides,
  }
  return { options, template: appMenuTemplate(options) }
}

/** Every item, menus flattened, each with the top-level menu it sits in. */
function itemsOf(template: MenuItemConstructorOptions[]) {
  const items: (MenuItemConstructorOptions & { menu: string })[] = []
  const walk = (menu: string, entries: MenuItemConstructorOptions[]) => {
    for (const item of entries) {
      items.push({ ...item, menu })
      if (Array.isArray(item.submenu)) walk(menu, item.submenu)
    }
  }
  for (const top of template) walk(String(top.label), top.submenu as MenuItemConstructorOptions[])
  return items
}

const labels = (template: MenuItemConstructorOptions[], menu: string) =>
  itemsOf(template)
    .filter((item) => item.menu === menu && item.type !== 'separator')
    .map((item) => item.label ?? item.role)

describe('the application menu', () => {
  it('has the File, Edit, View and Help items with standard roles', () => {
    const { template } = menuFor('linux')
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    expect(labels(template, '&File')).toEqual([
      'New article',
      'Open library…',
      'Go to article…',
      'Open Recent',
      'Bridge to close',
      'Untitled',
      'Import…',
      'Export…',
      'Save',
      'Save version',
      'Close article',
      'Settings…',
      'quit',
    ])
    expect(labels(template, '&Edit')).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'Paste as plain text',
      'selectAll',
      'Find and replace…',
      'Link…',
    ])
    expect(labels(template, '&View')).toEqual([
      'Focus mode',
      'Switch light or dark theme',
      'Show or hide panels',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ])
    expect(labels(template, '&Help')).toEqual(['Keyboard shortcuts', 'About Copydesk'])
  })

  it('on macOS starts with the app menu (About, Settings, Services, Hide, Quit)', () => {
    const { template } = menuFor('darwin')
    expect(template[0]?.label).toBe('Copydesk')
    expect(labels(template, 'Copydesk')).toEqual([
      'About Copydesk',
      'Settings…',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ])
    expect(labels(template, '&File')).not.toContain('quit')
  })

  it('offers every command once, with its shortcut, and runs that command when chosen', () => {
    const { template, options } = menuFor('linux')
    const commandItems = itemsOf(template).filter((item) => item.id && item.id in COMMANDS)
    expect(commandItems.map((item) => item.id).sort()).toEqual([...COMMAND_IDS].sort())
    for (const item of commandItems) {
      const id = item.id as keyof typeof COMMANDS
      expect(item.accelerator, id).toBe(COMMANDS[id].accelerator)
      // Renderer commands' keys are handled by the page itself, as in the browser host.
      if (item.accelerator) expect(item.registerAccelerator, id).toBe(MAIN_COMMANDS.includes(id))
      ;(item.click as () => void)()
      expect(options.run).toHaveBeenLastCalledWith(id)
    }
  })

  it('opens a recent article by its id, and says so when there is none', () => {
    const { template, options } = menuFor('win32')
    const recent = itemsOf(template).find((item) => item.id === 'recent:a1')
    ;(recent?.click as () => void)()
    expect(options.openRecent).toHaveBeenCalledWith('a1')
    const empty = menuFor('win32', { recent: [] }).template
    expect(itemsOf(empty).find((item) => item.label === 'No recent articles')?.enabled).toBe(false)
  })

  it('has paste as plain text, zoom and full screen as native roles', () => {
    const roles = itemsOf(menuFor('linux').template).flatMap((item) => item.role ?? [])
    expect(roles).toEqual(
      expect.arrayContaining([
        'pasteAndMatchStyle',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
      ]),
    )
  })
})

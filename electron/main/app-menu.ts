import type { MenuItemConstructorOptions } from 'electron'
import { COMMANDS, type CommandId } from '../../shared/commands/commands'

export interface RecentArticle {
  id: string
  headline: string
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Articles opened lately, newest first, for File › Open Recent. */
  recent: RecentArticle[]
  /** Developer tools only in development builds. */
  developer: boolean
  run(command: CommandId): void
  openRecent(id: string): void
}

/** Commands run in main (they need a native dialog); their shortcuts belong to the menu. */
export const MAIN_COMMANDS: readonly CommandId[] = ['library:open', 'article:import']

/**
 * The application menu. Standard items use Electron's roles (native behaviour and shortcuts);
 * Copydesk's own run the shared command list. Shortcuts of renderer commands are shown but not
 * registered here: the page handles those keys itself, the same way in the browser host.
 */
export function appMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const command = (id: CommandId): MenuItemConstructorOptions => {
    const accelerator: string | undefined = COMMANDS[id].accelerator
    return {
      id,
      label: COMMANDS[id].label,
      ...(accelerator && { accelerator, registerAccelerator: MAIN_COMMANDS.includes(id) }),
      click: () => options.run(id),
    }
  }
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const recent: MenuItemConstructorOptions = {
    id: 'recent',
    label: 'Open Recent',
    submenu: options.recent.length
      ? options.recent.map(({ id, headline }) => ({
          id: `recent:${id}`,
          label: headline || 'Untitled',
          click: () => options.openRecent(id),
        }))
      : [{ label: 'No recent articles', enabled: false }],
  }
  return [
    ...(mac
      ? [
          {
            label: 'Copydesk',
            submenu: [
              command('help:about'),
              separator,
              command('app:settings'),
              separator,
              { role: 'services' },
              separator,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              separator,
              { role: 'quit' },
            ] satisfies MenuItemConstructorOptions[],
          },
        ]
      : []),
    {
      label: '&File',
      submenu: [
        command('article:new'),
        command('library:open'),
        command('article:go-to'),
        recent,
        separator,
        command('article:import'),
        command('article:export'),
        separator,
        command('article:save'),
        command('version:save'),
        separator,
        command('article:close'),
        ...(mac ? [] : [separator, command('app:settings'), separator, { role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle', label: 'Paste as plain text' },
        { role: 'selectAll' },
        separator,
        command('edit:find'),
        command('edit:link'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('view:focus-mode'),
        command('view:theme'),
        command('view:panels'),
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...(options.developer ? [separator, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [command('help:shortcuts'), ...(mac ? [] : [command('help:about')])],
    },
  ]
}

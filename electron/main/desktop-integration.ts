import type { BrowserWindow } from 'electron'
import { app, dialog, Menu, Notification } from 'electron'
import { basename, join } from 'node:path'
import type { CommandId } from '../../shared/commands/commands'
import { IMPORT_EXTENSIONS } from '../../shared/import/import-formats'
import { eventChannel } from '../../shared/ipc/channels'
import type { EventPayloads } from '../../shared/ipc/contract'
import type { Settings } from '../../shared/settings/schema'
import type { Importer } from '../services/import/importer'
import type { Library } from '../services/library/library'
import type { Catalog } from '../services/search/catalog'
import { openFile } from '../services/platform/opened-files'
import type { SettingsStore } from '../services/settings/settings-store'
import { appMenuTemplate, type RecentArticle } from './app-menu'

/** Exports shorter than this end without a notification, unless the window is in the background. */
const NOTIFY_AFTER_SECONDS = 5

interface Options {
  library: Library
  catalog: Catalog
  importer: Importer
  settings: SettingsStore
  /** The main window, opened (or reopened on macOS) when a command or file needs one. */
  window(): BrowserWindow
}

/**
 * What makes Copydesk behave like a desktop application: the menu and its recent articles,
 * files the OS opens with it (at start, from a second launch, or macOS's open-file), the OS's
 * recent documents, and the taskbar progress and notification of batch exports.
 */
export class DesktopIntegration {
  private pageReady = false
  private openedAtStart: EventPayloads['app:open-article'] | undefined

  constructor(private readonly options: Options) {}

  send<E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]): void {
    this.options.window().webContents.send(eventChannel(event), payload)
  }

  /** The page has started and asks what to show: the file opened with the app, if any. */
  takeOpenedAtStart(): EventPayloads['app:open-article'] | undefined {
    this.pageReady = true
    const opened = this.openedAtStart
    this.openedAtStart = undefined
    return opened
  }

  /** Opens or imports each file; a file that cannot be opened is answered with the reason. */
  async openFiles(paths: string[]): Promise<void> {
    for (const path of paths) {
      const result = await openFile(path, this.options)
      if ('problem' in result) {
        await dialog.showMessageBox(this.options.window(), {
          type: 'warning',
          message: `Copydesk cannot open ${basename(path)}`,
          detail: result.problem,
        })
      } else if (this.pageReady) {
        this.focus()
        this.send('app:open-article', result.opened)
      } else {
        this.openedAtStart = result.opened
      }
    }
  }

  focus(): void {
    const window = this.options.window()
    if (window.isMinimized()) window.restore()
    window.focus()
  }

  /** Menu items run commands: main's own (native dialogs) here, the rest in the page. */
  run(command: CommandId): void {
    if (command === 'library:open') return void this.chooseLibrary()
    if (command === 'article:import') return void this.chooseFilesToImport()
    this.send('app:command', { command })
  }

  async rebuildMenu(recentIds = this.options.settings.get().recentArticles): Promise<void> {
    const listing = await this.options.catalog.list()
    const headlines = new Map(
      listing.ok ? listing.value.articles.map((article) => [article.id, article.headline]) : [],
    )
    const recent: RecentArticle[] = recentIds
      .filter((id) => headlines.has(id))
      .slice(0, 10)
      .map((id) => ({ id, headline: headlines.get(id) ?? '' }))
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          platform: process.platform,
          recent,
          developer: !app.isPackaged,
          run: (command) => this.run(command),
          openRecent: (id) => this.send('app:open-article', { id, notes: [] }),
        }),
      ),
    )
  }

  /** Keeps the menu's and the OS's recent articles in step with the settings. */
  async settingsChanged(previous: Settings, next: Settings): Promise<void> {
    if (previous.recentArticles.join() === next.recentArticles.join()) return
    const latest = next.recentArticles[0]
    if (latest && latest !== previous.recentArticles[0]) {
      const folder = await this.options.library.folderOf(latest)
      if (folder.ok) app.addRecentDocument(join(folder.value, 'article.json'))
    }
    await this.rebuildMenu(next.recentArticles)
  }

  batchProgress(done: number, total: number): void {
    this.options.window().setProgressBar(done >= total ? -1 : done / total)
  }

  batchFinished(summary: string, seconds: number): void {
    const window = this.options.window()
    window.setProgressBar(-1)
    if (!Notification.isSupported()) return
    if (seconds >= NOTIFY_AFTER_SECONDS || !window.isFocused())
      new Notification({ title: 'Export finished', body: summary }).show()
  }

  private async chooseFilesToImport(): Promise<void> {
    const chosen = await dialog.showOpenDialog(this.options.window(), {
      title: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: [
        {
          name: 'Stories',
          extensions: Object.keys(IMPORT_EXTENSIONS).map((extension) => extension.slice(1)),
        },
      ],
    })
    if (!chosen.canceled) await this.openFiles(chosen.filePaths)
  }

  /** Another library folder: remembered, then the app restarts on it (saving everything first). */
  private async chooseLibrary(): Promise<void> {
    const window = this.options.window()
    const chosen = await dialog.showOpenDialog(window, {
      title: 'Open library',
      properties: ['openDirectory', 'createDirectory'],
    })
    const folder = chosen.filePaths[0]
    if (chosen.canceled || !folder || folder === this.options.library.root) return
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: ['Restart on this library', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
      message: `Open the library in ${folder}?`,
      detail: 'Copydesk saves your work and restarts to open it.',
    })
    if (response !== 0) return
    await this.options.settings.update({ libraryPath: folder })
    app.relaunch()
    app.quit()
  }
}

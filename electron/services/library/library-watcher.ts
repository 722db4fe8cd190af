import { watch, type FSWatcher } from 'chokidar'
import { mkdir, readFile } from 'node:fs/promises'
import { basename, relative, sep } from 'node:path'
import { ARTICLE_FILE } from './library-store'

/** Changes on disk settle for this long before they are reported: one save, one report. */
const SETTLE_MS = 100

export interface ExternalChange {
  /** The article's id when its file is there to read; absent when its folder went away. */
  id?: string
}

/**
 * Watches the library folder for articles that appear, change or go, whoever wrote them: another
 * app instance, a colleague on a shared folder, a sync client. The app's own saves are seen too;
 * listeners tell them apart by revision.
 */
export class LibraryWatcher {
  private watcher: FSWatcher | undefined
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly root: string,
    private readonly onChange: (change: ExternalChange) => void,
  ) {}

  /** Resolves once the folder is being watched (it is created if it is not there yet). */
  async start(): Promise<void> {
    if (this.watcher) return
    // A folder that does not exist yet cannot be watched; the first article would go unseen.
    await mkdir(this.root, { recursive: true })
    this.watcher = watch(this.root, {
      ignoreInitial: true,
      // Article folders and the article.json inside each; nothing deeper (assets, versions).
      depth: 1,
      ignored: (path) => {
        const inside = relative(this.root, path)
        const [folder = '', file] = inside.split(sep)
        if (folder.startsWith('.')) return true
        return file !== undefined && file !== ARTICLE_FILE
      },
    })
    for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) {
      this.watcher.on(event, (path: string) => this.settle(path))
    }
    const watcher = this.watcher
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  }

  async stop(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
    await this.watcher?.close()
    this.watcher = undefined
  }

  private settle(path: string): void {
    const file = basename(path) === ARTICLE_FILE ? path : `${path}${sep}${ARTICLE_FILE}`
    clearTimeout(this.pending.get(file))
    this.pending.set(
      file,
      setTimeout(() => {
        this.pending.delete(file)
        void this.report(file)
      }, SETTLE_MS),
    )
  }

  private async report(file: string): Promise<void> {
    const id = await readFile(file, 'utf8')
      .then((text) => (JSON.parse(text) as { id?: unknown }).id)
      .catch(() => undefined)
    this.onChange(typeof id === 'string' ? { id } : {})
  }
}

import { randomUUID } from 'node:crypto'
import { cp, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import { ValidBlockMemory } from '../../../shared/editor/validate-body'
import {
  createArticle,
  fieldsOf,
  isUntouchedNewArticle,
  parseArticleJson,
  serializeArticle,
  slugify,
  statusChangeProblem,
  type Article,
  type ArticleFields,
} from '../../../shared/article'
import { type CreateArticleRequest } from '../../../shared/ipc/contract'
import { THIS_PROCESS } from '../../../shared/library/request-context'
import type { TrashEntry } from '../../../shared/library/trash-entry'
import { fail, ok, type Result } from '../../../shared/result'
import { ArticleLocks } from './article-locks'
import { writeFileDurably } from '../disk/atomic-file'
import { fsFailure, isErrnoException } from '../disk/fs-failure'
import { pathExists } from '../disk/path-exists'
import { KeyedQueue } from '../disk/keyed-queue'
import type { Library, LibraryChange } from './library'
import { makeFolders } from '../disk/make-folders'
import { WrittenArticles } from './written-articles'

export const ARTICLE_FILE = 'article.json'
export const ASSETS_FOLDER = 'assets'
export const TRASH_FOLDER = '.trash'
const TRASH_INFO_FILE = 'trash-info.json'
/** Articles are built here and renamed into place, so the library never shows half of one. */
/** A new article is put together here and renamed into place whole. */
export const STAGING_PREFIX = '.incoming-'

/** An article's folder: `<slug>-<first 8 characters of its id>`. */
export const FOLDER_PATTERN = /^[a-z0-9-]+-([0-9a-f]{8})$/

export const articleFolderName = (slug: string, id: string): string => `${slug}-${id.slice(0, 8)}`

const TrashInfoSchema = z.object({
  trashedAt: z.iso.datetime({ offset: true }),
  folder: z.string(),
})

/** Runs after a save, inside the article's lock (the version history hooks in here). */
export type AfterSave = (previous: Article, saved: Article, folder: string) => Promise<void>

export interface LibraryStoreOptions {
  /** The story blocks this process has found valid: an article read back is not checked again. */
  bodies?: ValidBlockMemory
  now?: () => Date
  newId?: () => string
  onChange?: (change: LibraryChange) => void
  /** Who this app's person is, named to other desks in the locks they find. */
  holderName?: () => string
  /** How long an unrefreshed lock lasts (see ArticleLocks); shorter only in tests. */
  lockStaleMs?: number
}

interface Located {
  folder: string
  article: Article
}

/**
 * Reads one article file: the article, a damaged reason, or a file-system failure. Problems name
 * the article's folder as the library list shows it, not its full path: the same words serve the
 * list, the CLI and a failed open, on any machine the library is shared from.
 */
export async function readArticleFile(
  folder: string,
  bodies?: ValidBlockMemory,
): Promise<Result<Article>> {
  const where = `${ARTICLE_FILE} in folder ${basename(folder)}`
  let text: string
  try {
    text = await readFile(join(folder, ARTICLE_FILE), 'utf8')
  } catch (error) {
    if (isErrnoException(error)) delete error.path
    return fsFailure(error, `read ${where}`)
  }
  const parsed = parseArticleJson(text, bodies)
  return parsed.ok ? ok(parsed.article) : fail('damaged', `${where} ${parsed.reason}.`)
}

async function subfolders(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true })
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return []
    throw error
  }
}

/** The library as a folder: one `<slug>-<id8>/article.json` per article, with `assets/` beside it. */
/** A change based on an older revision than the one on disk: refused, nothing written. */
function changedElsewhere(article: Article, baseRevision: number) {
  return fail(
    'conflict',
    `This article was changed elsewhere: revision ${article.revision} is on disk, and this edit was based on revision ${baseRevision}. Nothing was overwritten.`,
    { currentRevision: article.revision },
  )
}

export class LibraryStore implements Library {
  private readonly now: () => Date
  private readonly newId: () => string
  private readonly onChange: (change: LibraryChange) => void
  private readonly bodies: ValidBlockMemory
  private readonly queue = new KeyedQueue()
  /**
   * Where each article was last found, by parent folder and id: finding one otherwise lists the
   * whole library (12–19 ms at 10,000 articles, on every save). Checked on every use.
   */
  private readonly foundIn = new Map<string, string>()
  private readonly written = new WrittenArticles()
  /** Set once by whoever keeps the history (see VersionStore). */
  afterSave?: AfterSave
  /** Hears how long a save's steps took ("article:save:write"): for the benchmarks. */
  onStepTimed?: (step: string, milliseconds: number) => void
  /** Who edits which article, across windows, tabs, app instances and machines. */
  readonly locks: ArticleLocks

  constructor(
    readonly root: string,
    options: LibraryStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomUUID
    this.onChange = options.onChange ?? (() => undefined)
    this.bodies = options.bodies ?? new ValidBlockMemory()
    this.locks = new ArticleLocks(
      this,
      options.holderName ?? (() => ''),
      this.now,
      options.lockStaleMs,
    )
  }

  whileEditable<T>(
    id: string,
    client: string,
    change: () => Promise<Result<T>>,
    options?: { keep?: boolean },
  ): Promise<Result<T>> {
    return this.locks.whileEditable(id, client, change, options)
  }

  async create(input: z.infer<typeof CreateArticleRequest>, options: { assetsFrom?: string } = {}) {
    return this.guard('create the article', async () => {
      const article = createArticle(input, this.newId(), this.now())
      await this.placeNewArticle(article, options.assetsFrom)
      this.onChange({ id: article.id, change: 'created' })
      return ok(article)
    })
  }

  async open(id: string) {
    return this.guard('open the article', async () => {
      const located = await this.locate(this.root, id)
      return located.ok ? ok(located.value.article) : located
    })
  }

  /** `shared`: a shared story written from the desk's state (see `saveShared`). */
  private async saveRevision(id: string, baseRevision: number | 'shared', fields: ArticleFields) {
    return this.guard('save the article', () =>
      this.exclusive(id, async () => {
        const locating = performance.now()
        const located = await this.locate(this.root, id)
        this.timed('locate', locating)
        if (!located.ok) return located
        const { folder, article } = located.value
        if (baseRevision === 'shared') {
          if (isDeepStrictEqual(fieldsOf(article), fields)) return ok(article)
        } else {
          if (article.revision !== baseRevision) return changedElsewhere(article, baseRevision)
          const statusProblem = statusChangeProblem(article.status, fields.status)
          if (statusProblem) return fail('invalid-request', statusProblem)
        }
        const saved: Article = {
          ...article,
          ...fields,
          revision: article.revision + 1,
          updatedAt: this.stamp(),
        }
        const writing = performance.now()
        const written = await this.writeInPlace(folder, saved)
        this.timed('write', writing)
        if (!written.ok) return written
        this.onChange({ id, change: 'saved' })
        // History is a record of the save, not part of it: a failure there must not fail the save.
        const recording = performance.now()
        await this.afterSave?.(article, saved, written.value).catch(() => undefined)
        this.timed('versions', recording)
        return ok(saved)
      }),
    )
  }

  save(id: string, baseRevision: number, fields: ArticleFields, client = THIS_PROCESS.client) {
    return this.whileEditable(id, client, () => this.saveRevision(id, baseRevision, fields), {
      keep: true,
    })
  }

  saveShared(id: string, fields: ArticleFields, client: string) {
    return this.whileEditable(id, client, () => this.saveRevision(id, 'shared', fields))
  }

  async adopt(
    id: string,
    fields: ArticleFields,
    options: { prepare?: (folder: string) => Promise<void> } = {},
  ) {
    return this.guard('add the story to the library', () =>
      this.exclusive(id, async () => {
        const existing = await this.locate(this.root, id)
        if (existing.ok)
          return fail('conflict', `Your library already has a story with id ${id}; it was kept.`)
        if (existing.error.kind !== 'not-found') return existing
        const article = createArticle(fields, id, this.now())
        await this.placeNewArticle(article, undefined, options.prepare)
        this.onChange({ id, change: 'created' })
        return ok(article)
      }),
    )
  }

  rename(id: string, baseRevision: number, slug: string, client = THIS_PROCESS.client) {
    return this.whileEditable(id, client, () => this.renameRevision(id, baseRevision, slug))
  }

  async trash(id: string, client = THIS_PROCESS.client) {
    const trashed = await this.whileEditable(id, client, () => this.moveToTrash(id))
    if (trashed.ok) await this.locks.release(id, client)
    return trashed
  }

  async discardUntouched(id: string, client = THIS_PROCESS.client) {
    const discarded = await this.whileEditable(id, client, () => this.deleteUntouched(id))
    if (discarded.ok) await this.locks.release(id, client)
    return discarded
  }

  async duplicate(id: string) {
    return this.guard('duplicate the article', async () => {
      const located = await this.locate(this.root, id)
      if (!located.ok) return located
      const { folder, article } = located.value
      const timestamp = this.stamp()
      const copy: Article = {
        ...article,
        id: this.newId(),
        slug: slugify(`${article.slug}-copy`),
        status: 'draft',
        revision: 1,
        createdAt: timestamp,
        updatedAt: timestamp,
      }
      await this.placeNewArticle(copy, join(folder, ASSETS_FOLDER))
      this.onChange({ id: copy.id, change: 'created' })
      return ok(copy)
    })
  }

  async saveAsCopy(id: string, fields: ArticleFields) {
    return this.guard('save a copy of the article', async () => {
      const located = await this.locate(this.root, id)
      if (!located.ok) return located
      const copy = createArticle(
        { ...fields, slug: slugify(`${fields.slug}-copy`), status: 'draft' },
        this.newId(),
        this.now(),
      )
      await this.placeNewArticle(copy, join(located.value.folder, ASSETS_FOLDER))
      this.onChange({ id: copy.id, change: 'created' })
      return ok(copy)
    })
  }

  private async renameRevision(id: string, baseRevision: number, slug: string) {
    return this.guard('rename the article', () =>
      this.exclusive(id, async () => {
        const located = await this.locate(this.root, id)
        if (!located.ok) return located
        const { folder, article } = located.value
        if (article.revision !== baseRevision) return changedElsewhere(article, baseRevision)
        if (article.slug === slug) return ok(article)
        const renamed: Article = {
          ...article,
          slug,
          revision: article.revision + 1,
          updatedAt: this.stamp(),
        }
        const written = await this.writeInPlace(folder, renamed)
        if (!written.ok) return written
        this.onChange({ id, change: 'renamed' })
        return ok(renamed)
      }),
    )
  }

  private async moveToTrash(id: string) {
    return this.guard('move the article to the trash', () =>
      this.exclusive(id, async () => {
        const located = await this.locate(this.root, id)
        if (!located.ok) return located
        const { folder, article } = located.value
        const name = basename(folder)
        const trashedAt = this.stamp()
        await makeFolders(this.trashRoot)
        let target = join(this.trashRoot, name)
        if (await pathExists(target)) target = `${target}-${Date.parse(trashedAt)}`
        await writeFileDurably(
          join(folder, TRASH_INFO_FILE),
          JSON.stringify({ trashedAt, folder: name }),
        )
        await rename(folder, target)
        this.onChange({ id, change: 'trashed' })
        return ok({ id, headline: article.headline, folder: target, trashedAt })
      }),
    )
  }

  private async deleteUntouched(id: string) {
    return this.guard('discard the new article', () =>
      this.exclusive(id, async () => {
        const located = await this.locate(this.root, id)
        if (!located.ok) return located
        const { folder, article } = located.value
        const assets = await readdir(join(folder, ASSETS_FOLDER)).catch(() => [])
        if (!isUntouchedNewArticle(article) || assets.length > 0)
          return fail('conflict', 'This article has been written to since it was made; it is kept.')
        await rm(folder, { recursive: true, force: true })
        this.foundIn.delete(join(this.root, id))
        this.onChange({ id, change: 'discarded' })
        return ok(null)
      }),
    )
  }

  async listTrash() {
    return this.guard('list the trash', async () => {
      const entries: TrashEntry[] = []
      for (const name of await subfolders(this.trashRoot)) {
        const folder = join(this.trashRoot, name)
        const article = await readArticleFile(folder, this.bodies)
        if (!article.ok) continue
        const info = await this.readTrashInfo(folder)
        entries.push({
          id: article.value.id,
          headline: article.value.headline,
          folder,
          trashedAt: info.trashedAt,
        })
      }
      return ok(entries.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt)))
    })
  }

  async restore(id: string) {
    return this.guard('restore the article', () =>
      this.exclusive(id, async () => {
        const located = await this.locate(this.trashRoot, id)
        if (!located.ok)
          return located.error.kind === 'not-found'
            ? fail('not-found', `No article with id ${id} in the trash.`)
            : located
        const { folder, article } = located.value
        const target = join(this.root, articleFolderName(article.slug, id))
        if (await pathExists(target))
          return fail('conflict', `${target} already exists; the trashed copy was left in place.`)
        await rename(folder, target)
        await rm(join(target, TRASH_INFO_FILE), { force: true })
        this.onChange({ id, change: 'restored' })
        return ok(article)
      }),
    )
  }

  async folderOf(id: string) {
    const located = await this.locate(this.root, id)
    return located.ok ? ok(located.value.folder) : located
  }

  private get trashRoot(): string {
    return join(this.root, TRASH_FOLDER)
  }

  private stamp(): string {
    return this.now().toISOString()
  }

  private timed(step: string, started: number): void {
    this.onStepTimed?.(`article:save:${step}`, performance.now() - started)
  }

  /** Finds an article's folder under `parent` by the id in its name, and checks the id inside. */
  private async locate(parent: string, id: string): Promise<Result<Located>> {
    const key = join(parent, id)
    const remembered = this.foundIn.get(key)
    if (remembered !== undefined) {
      // The folder may have been renamed, moved or replaced since: only the id inside counts.
      const folder = join(parent, remembered)
      const written = await this.written.unchanged(join(folder, ARTICLE_FILE))
      if (written?.id === id) return ok({ folder, article: written })
      const article = await readArticleFile(folder, this.bodies)
      if (article.ok && article.value.id === id) return ok({ folder, article: article.value })
      this.foundIn.delete(key)
    }
    const suffix = `-${id.slice(0, 8)}`
    let damaged: Result<Located> | undefined
    for (const name of await subfolders(parent)) {
      if (!name.includes(suffix) || name.startsWith(STAGING_PREFIX)) continue
      const folder = join(parent, name)
      const article = await readArticleFile(folder, this.bodies)
      if (article.ok && article.value.id === id) {
        this.foundIn.set(key, name)
        return ok({ folder, article: article.value })
      }
      if (!article.ok && article.error.kind === 'damaged') damaged = article
    }
    return damaged ?? fail('not-found', `No article with id ${id} in ${parent}.`)
  }

  /** Writes the article file, then renames its folder when the slug changed; gives the folder now in use. */
  private async writeInPlace(folder: string, article: Article): Promise<Result<string>> {
    const target = join(this.root, articleFolderName(article.slug, article.id))
    if (target !== folder && (await pathExists(target))) {
      return fail(
        'conflict',
        `Cannot use the slug "${article.slug}": the folder ${basename(target)} already exists.`,
      )
    }
    await writeFileDurably(join(folder, ARTICLE_FILE), serializeArticle(article, this.bodies))
    // The save itself is done. A folder that cannot be renamed now (a file open in it on
    // Windows, a virus scanner) keeps its old name: articles are found by id, and the next save
    // tries again. Failing here would report a saved article as unsaved.
    const inUse =
      target === folder
        ? folder
        : await rename(folder, target).then(
            () => target,
            () => folder,
          )
    await this.written.remember(join(inUse, ARTICLE_FILE), article)
    return ok(inUse)
  }

  private async placeNewArticle(
    article: Article,
    assetsFrom?: string,
    prepare?: (folder: string) => Promise<void>,
  ): Promise<void> {
    const staging = join(this.root, `${STAGING_PREFIX}${article.id}`)
    await makeFolders(join(staging, ASSETS_FOLDER))
    try {
      if (assetsFrom && (await pathExists(assetsFrom)))
        await cp(assetsFrom, join(staging, ASSETS_FOLDER), { recursive: true })
      await prepare?.(staging)
      await writeFileDurably(join(staging, ARTICLE_FILE), serializeArticle(article, this.bodies))
      await rename(staging, join(this.root, articleFolderName(article.slug, article.id)))
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw error
    }
  }

  private async readTrashInfo(folder: string): Promise<z.infer<typeof TrashInfoSchema>> {
    try {
      return TrashInfoSchema.parse(
        JSON.parse(await readFile(join(folder, TRASH_INFO_FILE), 'utf8')),
      )
    } catch {
      // Trashed by hand or by an older version: the folder's time is the best we know.
      return { trashedAt: (await stat(folder)).mtime.toISOString(), folder }
    }
  }

  /** Runs work on one article after any other work on it has finished (see KeyedQueue). */
  exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(id, work)
  }

  /** File-system errors become typed failures; anything else is a bug and is rethrown. */
  private async guard<T>(action: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await work()
    } catch (error) {
      return fsFailure(error, action)
    }
  }
}

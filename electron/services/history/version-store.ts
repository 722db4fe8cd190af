import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  ARTICLE_SCHEMA_VERSION,
  fieldsOf,
  type Article,
  type ArticleFields,
} from '../../../shared/article'
import {
  parseVersion,
  AUTO_VERSION_INTERVAL_MS,
  versionId,
  VersionIdSchema,
  VersionSummarySchema,
  type ArticleVersion,
  type VersionSummary,
} from '../../../shared/history/version'
import { THIS_PROCESS } from '../../../shared/library/request-context'
import { fail, ok, type Result } from '../../../shared/result'
import { writeFileDurably } from '../disk/atomic-file'
import { fsFailure, isErrnoException } from '../disk/fs-failure'
import type { Library } from '../library/library'
import { makeFolders } from '../disk/make-folders'
import { readVersionSummaries, writeVersionSummaries } from './version-summaries'

export const VERSIONS_FOLDER = 'versions'

type VersionReason = VersionSummary['reason']

/** The version without its text (zod drops the keys a summary does not have). */
const summaryOf = (version: ArticleVersion): VersionSummary => VersionSummarySchema.parse(version)

/**
 * Earlier states of an article, one JSON file each in its `versions/` folder: kept on every
 * status change, on "Save version", automatically at most every ten minutes, and before a
 * restore, so that restoring never loses the text it replaces.
 */
export class VersionStore {
  /**
   * What each version file read or written here says, by path. A version file is never
   * rewritten, so each is read at most once: every save asks when the newest was kept, and the
   * history panel lists them after every save, while a long story's history is hundreds of
   * copies of it (reading them all made a save of a 50,000-word story with 30 versions take
   * 522 ms of main's time instead of 107, and each list 511 ms; 11–18 once read).
   */
  private readonly summaries = new Map<string, VersionSummary>()
  /** Article folders whose summaries file is read, or being read, into `summaries`. */
  private readonly summariesLoaded = new Map<string, Promise<void>>()
  /** Article folders with a version its summaries file leaves out: written at the next list. */
  private readonly summariesBehind = new Set<string>()

  constructor(
    private readonly library: Library,
    private readonly author: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(articleId: string): Promise<Result<VersionSummary[]>> {
    const folder = await this.library.folderOf(articleId)
    if (!folder.ok) return folder
    try {
      const ids = await this.versionIds(folder.value)
      const summaries = (await Promise.all(ids.map((id) => this.keptSummary(folder.value, id))))
        .filter((summary): summary is VersionSummary => summary !== undefined)
        .sort((a, b) => b.id.localeCompare(a.id))
      if (this.summariesBehind.delete(folder.value))
        await writeVersionSummaries(join(folder.value, VERSIONS_FOLDER), summaries).catch(
          () => undefined, // a cache: the files say the same, only slower
        )
      return ok(summaries)
    } catch (error) {
      return fsFailure(error, 'list the versions')
    }
  }

  async open(articleId: string, id: string): Promise<Result<ArticleVersion>> {
    if (!VersionIdSchema.safeParse(id).success)
      return fail('invalid-request', `${id} is not a version id.`)
    const folder = await this.library.folderOf(articleId)
    if (!folder.ok) return folder
    try {
      const version = parseVersion(JSON.parse(await readFile(this.file(folder.value, id), 'utf8')))
      return version ? ok(version) : fail('damaged', `Version ${id} cannot be read.`)
    } catch (error) {
      if (error instanceof SyntaxError) return fail('damaged', `Version ${id} is not valid JSON.`)
      return isErrnoException(error) && error.code === 'ENOENT'
        ? fail('not-found', `There is no version ${id} of this article.`)
        : fsFailure(error, 'read the version')
    }
  }

  /** "Save version": the article as it is on disk now, with an optional label. */
  async create(
    articleId: string,
    label: string,
    client = THIS_PROCESS.client,
  ): Promise<Result<VersionSummary>> {
    return this.library.whileEditable(articleId, client, () =>
      this.library.exclusive(articleId, async () => {
        const article = await this.library.open(articleId)
        const folder = await this.library.folderOf(articleId)
        if (!article.ok) return article
        if (!folder.ok) return folder
        return this.record(folder.value, article.value, 'manual', label)
      }),
    )
  }

  /**
   * Puts a version's text back as the current text. The current text is kept as a version
   * first; the workflow status stays where it is, since restoring text is not a status change.
   */
  restore(
    articleId: string,
    id: string,
    baseRevision: number,
    client = THIS_PROCESS.client,
  ): Promise<Result<Article>> {
    return this.library.whileEditable(articleId, client, () =>
      this.putBack(articleId, id, baseRevision, client),
    )
  }

  private async putBack(
    articleId: string,
    id: string,
    baseRevision: number,
    client: string,
  ): Promise<Result<Article>> {
    const current = await this.library.open(articleId)
    if (!current.ok) return current
    if (current.value.revision !== baseRevision) {
      return fail(
        'conflict',
        'This article was changed elsewhere since you opened it; nothing was restored.',
        {
          currentRevision: current.value.revision,
        },
      )
    }
    const restored = await this.keepBeforeRestore(articleId, id)
    if (!restored.ok) return restored
    return this.library.save(articleId, baseRevision, restored.value, client)
  }

  /**
   * The first step of a restore: keeps the article as it is now as a version, and answers with
   * the fields to put back, the workflow status as it is now. A shared story's restore puts them
   * into the shared document instead of saving them.
   */
  async keepBeforeRestore(articleId: string, id: string): Promise<Result<ArticleFields>> {
    const version = await this.open(articleId, id)
    if (!version.ok) return version
    const current = await this.library.open(articleId)
    if (!current.ok) return current
    const kept = await this.library.exclusive(articleId, async () => {
      const folder = await this.library.folderOf(articleId)
      if (!folder.ok) return folder
      return this.record(
        folder.value,
        current.value,
        'before-restore',
        `Before restoring ${version.value.label || id}`,
      )
    })
    if (!kept.ok) return kept
    return ok({ ...version.value.fields, status: current.value.status })
  }

  /** Called after every save, inside the article's lock: status changes and the ten-minute rule. */
  async afterSave(previous: Article, saved: Article, folder: string): Promise<void> {
    if (previous.status !== saved.status) {
      await this.record(folder, saved, 'status', `${previous.status} → ${saved.status}`)
      return
    }
    const latest = await this.latestKept(folder)
    if (latest === undefined || this.now().getTime() - latest >= AUTO_VERSION_INTERVAL_MS) {
      await this.record(folder, saved, 'auto', '')
    }
  }

  /** When the newest readable version was kept: ids sort by time, so tried newest first. */
  private async latestKept(folder: string): Promise<number | undefined> {
    for (const id of (await this.versionIds(folder)).sort().reverse()) {
      const summary = await this.keptSummary(folder, id)
      if (summary) return Date.parse(summary.createdAt)
    }
    return undefined
  }

  private async record(
    folder: string,
    article: Article,
    reason: VersionReason,
    label: string,
  ): Promise<Result<VersionSummary>> {
    const createdAt = this.now()
    const version: ArticleVersion = {
      schemaVersion: 1,
      articleSchemaVersion: ARTICLE_SCHEMA_VERSION,
      id: versionId(createdAt, article.revision),
      createdAt: createdAt.toISOString(),
      author: this.author(),
      label: label.trim().slice(0, 200),
      reason,
      status: article.status,
      revision: article.revision,
      fields: fieldsOf(article),
    }
    try {
      await makeFolders(join(folder, VERSIONS_FOLDER))
      const path = this.file(folder, version.id)
      await writeFileDurably(path, `${JSON.stringify(version)}\n`)
      const summary = summaryOf(version)
      await this.loadSummaries(folder)
      this.summaries.set(path, summary)
      const known = [...this.summaries.entries()]
        .filter(([known]) => known.startsWith(join(folder, VERSIONS_FOLDER, '')))
        .map(([, each]) => each)
      // A cache: if it cannot be written, the next list reads the version files instead.
      await writeVersionSummaries(join(folder, VERSIONS_FOLDER), known).catch(() => undefined)
      return ok(summary)
    } catch (error) {
      return fsFailure(error, 'save the version')
    }
  }

  /** A version's summary; undefined for one that does not validate (skipped, never overwritten). */
  private async keptSummary(folder: string, id: string): Promise<VersionSummary | undefined> {
    await this.loadSummaries(folder)
    const path = this.file(folder, id)
    const known = this.summaries.get(path)
    if (known) return known
    const version = await this.readVersion(path)
    if (!version) return undefined
    const summary = summaryOf(version)
    this.summaries.set(path, summary)
    this.summariesBehind.add(folder)
    return summary
  }

  /** Takes in what the folder's summaries file says, once; a version file it names is not read. */
  private loadSummaries(folder: string): Promise<void> {
    const loading =
      this.summariesLoaded.get(folder) ??
      readVersionSummaries(join(folder, VERSIONS_FOLDER)).then((summaries) => {
        for (const summary of summaries) {
          const path = this.file(folder, summary.id)
          if (!this.summaries.has(path)) this.summaries.set(path, summary)
        }
      })
    this.summariesLoaded.set(folder, loading)
    return loading
  }

  /** The ids of the version files in an article's folder (a name that is not one is ignored). */
  private async versionIds(folder: string): Promise<string[]> {
    let names: string[]
    try {
      names = await readdir(join(folder, VERSIONS_FOLDER))
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return []
      throw error
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((id) => VersionIdSchema.safeParse(id).success)
  }

  /** A version file, or undefined where it cannot be read or does not validate. */
  private async readVersion(path: string): Promise<ArticleVersion | undefined> {
    try {
      return parseVersion(JSON.parse(await readFile(path, 'utf8')))
    } catch {
      return undefined
    }
  }

  private file(folder: string, id: string): string {
    return join(folder, VERSIONS_FOLDER, `${id}.json`)
  }
}

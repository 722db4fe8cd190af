import { createHash } from 'node:crypto'
import { readdir, readFile, realpath, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { ArticleFieldsSchema, fieldsOf } from '../../../shared/article'
import { fail, ok, type Result } from '../../../shared/result'
import { writeFileDurably } from '../disk/atomic-file'
import { fsFailure } from '../disk/fs-failure'
import type { Library } from './library'
import { makeFolders } from '../disk/make-folders'

export const RecoveryEntrySchema = z.object({
  articleId: z.uuid(),
  /** The revision the unsaved edits were made on. */
  baseRevision: z.number().int().min(1),
  journaledAt: z.iso.datetime({ offset: true }),
  // Edits journaled by a Copydesk before the source log still come back after an update.
  fields: ArticleFieldsSchema.extend({
    sources: ArticleFieldsSchema.shape.sources.default([]),
    quotes: ArticleFieldsSchema.shape.quotes.default([]),
  }),
})
export type RecoveryEntry = z.infer<typeof RecoveryEntrySchema>

/** What a start-up offers to bring back for one article. */
export interface RecoveryOffer extends RecoveryEntry {
  /** The article as saved, to show what restoring would change; absent when it is gone. */
  saved?: { headline: string; revision: number }
}

const fileName = (articleId: string) => `${articleId}.json`

/** Short enough for a folder name, long enough that two libraries never share one. */
const libraryKey = (root: string): string =>
  createHash('sha256').update(root).digest('hex').slice(0, 16)

async function journalNames(dir: string): Promise<Result<string[]>> {
  try {
    return ok((await readdir(dir)).filter((name) => name.endsWith('.json')).sort())
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok([])
    return fsFailure(error, 'read the recovery copies')
  }
}

/** A journal cut off by the crash it was kept for is damaged, not an error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

async function readEntry(path: string): Promise<RecoveryEntry | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined)
  const parsed = RecoveryEntrySchema.safeParse(text === undefined ? undefined : parseJson(text))
  return parsed.success ? parsed.data : undefined
}

/**
 * Unsaved edits, written beside the settings (they are this person's, not the shared library's)
 * every couple of seconds while typing, so that after a crash or a kill nothing typed is lost.
 *
 * One person may open several libraries (a desk's, a training copy, a colleague's share), so each
 * library journals into its own subfolder, named by a hash of its resolved root: opening one never
 * offers a story typed in another, and never clears another's journals. Journals written before
 * that, loose in the top folder and naming no library, are taken to be a library's when their
 * article is in it; any other is left on disk for the library it belongs to. (A copied library
 * shares its articles' ids, so such an old journal may be offered in both; clearing it in either
 * ends it, as it did before.)
 */
export class RecoveryJournal {
  private ownDir: Promise<string> | undefined

  constructor(
    private readonly dir: string,
    private readonly library: Library,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** This library's subfolder. The real path, so a library reached through a link finds its own. */
  private libraryDir(): Promise<string> {
    this.ownDir ??= realpath(this.library.root).then(
      (root) => join(this.dir, libraryKey(root)),
      (error: unknown) => {
        // A library folder not made yet: keyed by its path as given, and looked up again next time.
        this.ownDir = undefined
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        return join(this.dir, libraryKey(resolve(this.library.root)))
      },
    )
    return this.ownDir
  }

  async write(entry: Omit<RecoveryEntry, 'journaledAt'>): Promise<Result<null>> {
    try {
      const dir = await this.libraryDir()
      await makeFolders(dir)
      const journaled: RecoveryEntry = { ...entry, journaledAt: this.now().toISOString() }
      await writeFileDurably(join(dir, fileName(entry.articleId)), JSON.stringify(journaled))
      return ok(null)
    } catch (error) {
      return fsFailure(error, 'keep a recovery copy of your edits')
    }
  }

  /** Removes this library's journal of the article, and an old unscoped one of the same article. */
  async clear(articleId: string): Promise<Result<null>> {
    try {
      await rm(join(await this.libraryDir(), fileName(articleId)), { force: true })
      await rm(join(this.dir, fileName(articleId)), { force: true })
      return ok(null)
    } catch (error) {
      return fsFailure(error, 'remove the recovery copy')
    }
  }

  /**
   * What is left from a session that did not end cleanly: each of this library's journals whose
   * edits differ from the article as saved. A journal that matches what is saved is cleared; a
   * damaged one is left on disk, untouched, and not offered.
   */
  async offers(): Promise<Result<RecoveryOffer[]>> {
    let ownDir: string
    try {
      ownDir = await this.libraryDir()
    } catch (error) {
      return fsFailure(error, 'read the recovery copies')
    }
    const own = await journalNames(ownDir)
    if (!own.ok) return own
    const unscoped = await journalNames(this.dir)
    if (!unscoped.ok) return unscoped
    const offers: RecoveryOffer[] = []
    const consider = async (path: string, fromOldLayout: boolean) => {
      const entry = await readEntry(path)
      if (!entry) return
      const saved = await this.library.open(entry.articleId)
      // An old journal names no library: one whose article is not here is another library's.
      if (fromOldLayout && !saved.ok) return
      if (saved.ok && JSON.stringify(fieldsOf(saved.value)) === JSON.stringify(entry.fields)) {
        await this.clear(entry.articleId)
        return
      }
      offers.push({
        ...entry,
        ...(saved.ok && {
          saved: { headline: saved.value.headline, revision: saved.value.revision },
        }),
      })
    }
    for (const name of own.value) await consider(join(ownDir, name), false)
    // This library's own journal of an article is newer than any from the old layout.
    const ownNames = new Set(own.value)
    for (const name of unscoped.value) {
      if (!ownNames.has(name)) await consider(join(this.dir, name), true)
    }
    return ok(offers)
  }

  async entry(articleId: string): Promise<Result<RecoveryEntry>> {
    try {
      const text = await readFile(join(await this.libraryDir(), fileName(articleId)), 'utf8').catch(
        (error: unknown) => {
          // Not journaled here yet: an offer may have come from the old, unscoped layout.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
          return readFile(join(this.dir, fileName(articleId)), 'utf8')
        },
      )
      const parsed = RecoveryEntrySchema.safeParse(parseJson(text))
      return parsed.success
        ? ok(parsed.data)
        : fail('damaged', 'The recovery copy is damaged and cannot be used.')
    } catch (error) {
      return fsFailure(error, 'read the recovery copy')
    }
  }
}

import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ArticleFieldsSchema, fieldsOf } from '../../shared/article'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { writeFileDurably } from './atomic-file'
import { fsFailure } from './fs-failure'
import type { Library } from './library'

export const RecoveryEntrySchema = z.object({
  articleId: z.uuid(),
  /** The revision the unsaved edits were made on. */
  baseRevision: z.number().int().min(1),
  journaledAt: z.iso.datetime({ offset: true }),
  fields: ArticleFieldsSchema,
})
export type RecoveryEntry = z.infer<typeof RecoveryEntrySchema>

/** What a start-up offers to bring back for one article. */
export interface RecoveryOffer extends RecoveryEntry {
  /** The article as saved, to show what restoring would change; absent when it is gone. */
  saved?: { headline: string; revision: number }
}

const fileName = (articleId: string) => `${articleId}.json`

/**
 * Unsaved edits, written beside the settings (they are this person's, not the shared library's)
 * every couple of seconds while typing, so that after a crash or a kill nothing typed is lost.
 */
export class RecoveryJournal {
  constructor(
    private readonly dir: string,
    private readonly library: Library,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async write(entry: Omit<RecoveryEntry, 'journaledAt'>): Promise<Result<null>> {
    try {
      await mkdir(this.dir, { recursive: true })
      const journaled: RecoveryEntry = { ...entry, journaledAt: this.now().toISOString() }
      await writeFileDurably(join(this.dir, fileName(entry.articleId)), JSON.stringify(journaled))
      return ok(null)
    } catch (error) {
      return fsFailure(error, 'keep a recovery copy of your edits')
    }
  }

  async clear(articleId: string): Promise<Result<null>> {
    try {
      await rm(join(this.dir, fileName(articleId)), { force: true })
      return ok(null)
    } catch (error) {
      return fsFailure(error, 'remove the recovery copy')
    }
  }

  /**
   * What is left from a session that did not end cleanly: each journal whose edits differ from
   * the article as saved. A journal that matches what is saved is cleared; a damaged one is
   * left on disk, untouched, and not offered.
   */
  async offers(): Promise<Result<RecoveryOffer[]>> {
    let names: string[]
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.json')).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok([])
      return fsFailure(error, 'read the recovery copies')
    }
    const offers: RecoveryOffer[] = []
    for (const name of names) {
      const parsed = RecoveryEntrySchema.safeParse(
        await readFile(join(this.dir, name), 'utf8')
          .then((text) => JSON.parse(text) as unknown)
          .catch(() => undefined),
      )
      if (!parsed.success) continue
      const entry = parsed.data
      const saved = await this.library.open(entry.articleId)
      if (saved.ok && JSON.stringify(fieldsOf(saved.value)) === JSON.stringify(entry.fields)) {
        await this.clear(entry.articleId)
        continue
      }
      offers.push({
        ...entry,
        ...(saved.ok && {
          saved: { headline: saved.value.headline, revision: saved.value.revision },
        }),
      })
    }
    return ok(offers)
  }

  async entry(articleId: string): Promise<Result<RecoveryEntry>> {
    try {
      const text = await readFile(join(this.dir, fileName(articleId)), 'utf8')
      const parsed = RecoveryEntrySchema.safeParse(JSON.parse(text))
      return parsed.success
        ? ok(parsed.data)
        : fail('damaged', 'The recovery copy is damaged and cannot be used.')
    } catch (error) {
      return fsFailure(error, 'read the recovery copy')
    }
  }
}

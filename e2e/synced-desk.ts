import { join } from 'node:path'
import { serializeArticle, type Article, type ArticleFields } from '../shared/article'
import type { CreateArticleRequest } from '../shared/ipc/contract'
import { fail, ok, type Result } from '../shared/result'
import type { z } from 'zod'
import { writeFileDurably } from '../electron/services/disk/atomic-file'
import { ARTICLE_FILE, LibraryStore } from '../electron/services/library/library-store'

/**
 * Someone else's work arriving in the library folder whatever this app's locks say, as a file
 * sync client (a shared drive, Dropbox) or a desk whose lock went stale delivers it: what the
 * app must notice, never overwrite. Copydesk's own stores would refuse to save an article another
 * desk has open, so a save here writes the article file as such a client does.
 */
export class SyncedDesk {
  private readonly store: LibraryStore

  constructor(library: string) {
    this.store = new LibraryStore(library)
  }

  open(id: string): Promise<Result<Article>> {
    return this.store.open(id)
  }

  create(input: z.infer<typeof CreateArticleRequest>): Promise<Result<Article>> {
    return this.store.create(input)
  }

  async save(id: string, baseRevision: number, fields: ArticleFields): Promise<Result<Article>> {
    const current = await this.store.open(id)
    if (!current.ok) return current
    if (current.value.revision !== baseRevision)
      return fail('conflict', `revision ${current.value.revision} is on disk, not ${baseRevision}`)
    const folder = await this.store.folderOf(id)
    if (!folder.ok) return folder
    const saved: Article = {
      ...current.value,
      ...fields,
      revision: baseRevision + 1,
      updatedAt: new Date().toISOString(),
    }
    await writeFileDurably(join(folder.value, ARTICLE_FILE), serializeArticle(saved))
    return ok(saved)
  }
}

import type { Article, ArticleFields } from '../../../shared/article'
import type { z } from 'zod'
import type { CreateArticleRequest, EventPayloads } from '../../../shared/ipc/contract'
import type { TrashEntry } from '../../../shared/library/trash-entry'
import type { Result } from '../../../shared/result'

export type LibraryChange = EventPayloads['library:changed']

/**
 * Where articles live. The folder-on-disk store implements it today; a sync server can
 * implement it later without the handlers, CLI or editor noticing.
 */
export interface Library {
  readonly root: string
  /** A new article; `assetsFrom` is a folder of images to copy into its assets/. */
  create(
    input: z.infer<typeof CreateArticleRequest>,
    options?: { assetsFrom?: string },
  ): Promise<Result<Article>>
  open(id: string): Promise<Result<Article>>
  /**
   * Refused with a `conflict` when the stored revision is not `baseRevision`. Every change to an
   * existing article names the window or tab asking (`client`, this process by default), and is
   * refused as `locked` while somebody else has the article open for editing.
   */
  save(
    id: string,
    baseRevision: number,
    fields: ArticleFields,
    client?: string,
  ): Promise<Result<Article>>
  /**
   * Writes a shared story's `article.json` from the desk's state, for main alone: based on the
   * revision on disk, whatever it is (main owns a shared story's writes), and without the
   * one-step status rule (the desk judged each move by role, and several made while this machine
   * was offline arrive at once). Nothing is written when the fields are already those on disk.
   */
  saveShared(id: string, fields: ArticleFields, client: string): Promise<Result<Article>>
  /**
   * A story that exists elsewhere (on the desk) placed in this library under its own id, as
   * atomically as `create`: `prepare` adds files to its folder before the folder appears, and a
   * failure there leaves nothing behind. A `conflict` when the library has an article with the id.
   */
  adopt(
    id: string,
    fields: ArticleFields,
    options?: { prepare?: (folder: string) => Promise<void> },
  ): Promise<Result<Article>>
  duplicate(id: string): Promise<Result<Article>>
  /** A new article from edited fields, with the original's images: nothing is lost after a conflict. */
  saveAsCopy(id: string, fields: ArticleFields): Promise<Result<Article>>
  rename(id: string, baseRevision: number, slug: string, client?: string): Promise<Result<Article>>
  /** Lets go of the asker's lock too: nobody edits an article in the trash. */
  trash(id: string, client?: string): Promise<Result<TrashEntry>>
  /** Deletes a story still exactly as New article made it; a `conflict` once it was written to. */
  discardUntouched(id: string, client?: string): Promise<Result<null>>
  listTrash(): Promise<Result<TrashEntry[]>>
  restore(id: string): Promise<Result<Article>>
  /**
   * The write policy every change to an existing article goes through (the stores of its
   * versions and pictures too): refused as `locked` while another desk, window or tab has it open
   * for editing. `keep`: the asker is editing the article, and keeps its lock.
   */
  whileEditable<T>(
    id: string,
    client: string,
    change: () => Promise<Result<T>>,
    options?: { keep?: boolean },
  ): Promise<Result<T>>
  /** Runs work on one article after all other work on it (saves, renames, image imports). */
  exclusive<T>(id: string, work: () => Promise<T>): Promise<T>
  /** The article's folder on disk, for people and tools that need the path. */
  folderOf(id: string): Promise<Result<string>>
}

import type { ArticleSummary } from '../../../shared/article'
import type { LibraryListing } from '../../../shared/library/library-listing'
import type { Result } from '../../../shared/result'
import type {
  ParsedSearchQuery,
  Passages,
  SearchResults,
} from '../../../shared/search/search-query'

export interface CatalogProgress {
  /** Articles read from disk (new or changed since the index was kept). */
  read: number
  /** Articles the kept index already had right. */
  unchanged: number
  removed: number
}

/**
 * The library's list and full-text search, as the rest of main uses them: kept in this thread
 * (`LibraryCatalog`) or in a worker thread of its own (`WorkerCatalog`).
 */
export interface Catalog {
  /** Resolves once the kept index has been read and brought up to date with the folder. */
  ready(): Promise<CatalogProgress>
  list(): Promise<Result<LibraryListing>>
  search(query: ParsedSearchQuery): Promise<SearchResults>
  /** Passages for hits found earlier, read from their files. */
  passages(hits: readonly { id: string; terms: string[] }[]): Promise<Passages>
  /**
   * An article was created, saved, renamed, trashed or restored, here or elsewhere. Resolves
   * once the list and search include the change, with the article as the list now shows it.
   */
  articleChanged(id: string): Promise<ArticleSummary | undefined>
  /** Something changed that names no article (a folder went away): look at them all. */
  folderChanged(): Promise<void>
  /** Writes the index in one piece, so the next start has no journal to replay. */
  flush(): Promise<void>
  /** Waits for the updates already asked for. */
  idle(): Promise<void>
  /** Stops what runs in the background; call `flush` first to keep the index. */
  close(): Promise<void>
}

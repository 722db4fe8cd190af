import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Article } from '../../shared/article'
import { searchDocumentOf, type SearchDocument } from '../../shared/search/search-document'
import { ARTICLE_FILE } from '../../electron/services/library/library-store'
import { mapLimited } from '../../electron/services/platform/map-limited'
import { FILES_AT_ONCE } from './read-every-article'

/**
 * The search documents of a generated library, read without validation: the generator wrote
 * them, and engine comparisons should time indexing, not parsing.
 */
export async function libraryDocuments(root: string): Promise<SearchDocument[]> {
  const folders = (await readdir(root)).filter((name) => !name.startsWith('.'))
  return mapLimited(folders, FILES_AT_ONCE, async (folder) =>
    searchDocumentOf(
      JSON.parse(await readFile(join(root, folder, ARTICLE_FILE), 'utf8')) as Article,
    ),
  )
}

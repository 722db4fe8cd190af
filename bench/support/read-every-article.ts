import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { readArticleFile } from '../../electron/services/library/library-store'

/**
 * What a library without an index does to list itself, the baseline the catalog is measured
 * against: read and check every article file. Answers how many it could read.
 */
export async function readEveryArticle(root: string): Promise<number> {
  const folders = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
  const read = await Promise.all(folders.map((folder) => readArticleFile(join(root, folder))))
  return read.filter((result) => result.ok).length
}

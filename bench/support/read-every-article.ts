import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { readArticleFile } from '../../electron/services/library/library-store'
import { mapLimited } from '../../electron/services/platform/map-limited'

/**
 * Files read at once: all 100,000 of a large library at once ran out of file handles (EMFILE at
 * 20,000 here), and a few dozen keep the disk as busy.
 */
export const FILES_AT_ONCE = 64

/**
 * What a library without an index does to list itself, the baseline the catalog is measured
 * against: read and check every article file. Answers how many it could read.
 */
export async function readEveryArticle(root: string): Promise<number> {
  const folders = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
  const read = await mapLimited(folders, FILES_AT_ONCE, (folder) =>
    readArticleFile(join(root, folder)),
  )
  return read.filter((result) => result.ok).length
}

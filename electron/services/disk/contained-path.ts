import { realpath } from 'node:fs/promises'
import { sep } from 'node:path'

/**
 * True when `path`, with every symbolic link resolved, is inside `folder`. A name check alone
 * lets a link inside the folder point anywhere on the disk.
 */
export async function isInside(folder: string, path: string): Promise<boolean> {
  try {
    const [realFolder, realPath] = await Promise.all([realpath(folder), realpath(path)])
    return realPath.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep)
  } catch {
    return false
  }
}

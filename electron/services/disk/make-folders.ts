import { mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { isErrnoException } from './fs-failure'

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/**
 * `mkdir -p` that says why it failed. Node's recursive mkdir answers ENOENT on a read-only disk,
 * so a person was told "not found" about a library that is there; making the first missing
 * folder on its own gives the real cause (EROFS, EACCES).
 */
export async function makeFolders(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true })
  } catch (error) {
    if (!isErrnoException(error) || error.code !== 'ENOENT') throw error
    let firstMissing = path
    while (dirname(firstMissing) !== firstMissing && !(await exists(dirname(firstMissing)))) {
      firstMissing = dirname(firstMissing)
    }
    await mkdir(firstMissing) // on a read-only disk, throws the real cause
    await mkdir(path, { recursive: true })
  }
}

import { stat } from 'node:fs/promises'
import { isErrnoException } from './fs-failure'

/** Whether something is at `path`; any failure but "not there" is the caller's to report. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return false
    throw error
  }
}

import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurably } from '../disk/atomic-file'
import { isErrnoException } from '../disk/fs-failure'

/**
 * Where a desk keeps the pictures of shared stories, each under its content name: a folder in
 * the data folder beside SQLite, or a table beside the documents in PostgreSQL (so that desk
 * servers on several machines share them).
 */
export interface DeskPictureShelf {
  /** The picture's size in bytes, or undefined when the desk has none by that name. */
  sizeOf(name: string): Promise<number | undefined>
  read(name: string): Promise<Buffer | undefined>
  /** Keeps the bytes durably under the name; a name already kept keeps its bytes. */
  keep(name: string, bytes: Buffer): Promise<void>
}

/** The folder in the desk's data folder that holds the pictures of shared stories. */
export const DESK_PICTURES_FOLDER = 'pictures'

const unlessMissing = <T>(error: unknown): T | undefined => {
  if (isErrnoException(error) && error.code === 'ENOENT') return undefined
  throw error
}

export function pictureFolder(dataDir: string): DeskPictureShelf {
  const folder = join(dataDir, DESK_PICTURES_FOLDER)
  return {
    sizeOf: (name) => stat(join(folder, name)).then((found) => found.size, unlessMissing<number>),
    read: (name) => readFile(join(folder, name)).catch(unlessMissing<Buffer>),
    keep: async (name, bytes) => {
      await mkdir(folder, { recursive: true })
      await writeFileDurably(join(folder, name), bytes)
    },
  }
}

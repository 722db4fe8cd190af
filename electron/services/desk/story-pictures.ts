import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurably } from '../disk/atomic-file'
import { isErrnoException } from '../disk/fs-failure'
import { ASSETS_FOLDER } from '../library/library-store'
import type { DeskConnection } from './desk-client'
import { fetchPicture, sendPicture } from './desk-picture-client'

export interface PictureExchange {
  /** Pictures that came from the desk into the story's folder. */
  arrived: string[]
  /** Pictures that could not go (`send`) or come (`fetch`) this time, and why. */
  failed: { name: string; way: 'send' | 'fetch'; reason: string }[]
}

/** The picture's bytes in the story's folder, or undefined when it is not there. */
async function localPicture(folder: string, name: string): Promise<Buffer | undefined> {
  try {
    return await readFile(join(folder, ASSETS_FOLDER, name))
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Brings a shared story's pictures and the desk's into line: each picture the story names that
 * this folder has goes to the desk (once: `known` remembers the ones the desk has), and each one
 * it lacks comes from the desk. Pictures are kept under their content's name, so one written
 * twice is the same file; a picture that cannot go either way now is tried again next time.
 */
export async function exchangePictures(
  connection: DeskConnection,
  folder: string,
  names: readonly string[],
  known: Set<string>,
): Promise<PictureExchange> {
  const exchange: PictureExchange = { arrived: [], failed: [] }
  for (const name of names) {
    if (known.has(name)) continue
    let bytes: Buffer | undefined
    try {
      bytes = await localPicture(folder, name)
      if (bytes) {
        const sent = await sendPicture(connection, name, bytes)
        if (!sent.ok) exchange.failed.push({ name, way: 'send', reason: sent.error.message })
        else known.add(name)
        continue
      }
      const fetched = await fetchPicture(connection, name)
      if (!fetched.ok) {
        exchange.failed.push({ name, way: 'fetch', reason: fetched.error.message })
        continue
      }
      // Not recursive: if the story's folder itself has gone, this must fail, not recreate it.
      await mkdir(join(folder, ASSETS_FOLDER)).catch((error: unknown) => {
        if (!isErrnoException(error) || error.code !== 'EEXIST') throw error
      })
      await writeFileDurably(join(folder, ASSETS_FOLDER, name), fetched.value)
      known.add(name)
      exchange.arrived.push(name)
    } catch (error) {
      exchange.failed.push({
        name,
        way: bytes ? 'send' : 'fetch',
        reason: error instanceof Error ? error.message : String(error),
      })
    }
  }
  return exchange
}

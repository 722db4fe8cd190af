import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/**
 * Writes a whole file or nothing: a temp file beside it, fsync, rename over the old one, then
 * fsync of the folder so the rename itself survives a power cut.
 */
export async function writeFileDurably(path: string, content: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, typeof content === 'string' ? content : Buffer.from(content), {
    encoding: 'utf8',
    fsync: true,
  })
  await fsyncDirectory(dirname(path))
}

export async function fsyncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

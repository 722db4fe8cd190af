import { randomBytes } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Writes a whole file or nothing: a temp file beside it, every byte written and checked, fsync,
 * rename over the old one, then fsync of the folder so the rename itself survives a power cut.
 * A short write (a full disk hands back fewer bytes than asked, then ENOSPC) fails here, before
 * the rename, so the old file stays whole. write-file-atomic, used before, made a single write
 * call and never looked at how much of it landed.
 */
const TEMP_FILE_NAME = /\.copydesk-[0-9a-f]{12}\.tmp$/

/** A temp file `writeFileDurably` makes beside its target, left behind only by a killed process. */
export const isDurableWriteTempFile = (name: string): boolean => TEMP_FILE_NAME.test(name)

export async function writeFileDurably(
  path: string,
  content: string | Uint8Array,
  /** `mode`: the new file's permissions (0o600 for a secret); the umask may only narrow them. */
  options: { mode?: number } = {},
): Promise<void> {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const temp = `${path}.copydesk-${randomBytes(6).toString('hex')}.tmp`
  let handle: FileHandle | undefined
  try {
    handle = await open(temp, 'wx', options.mode ?? 0o666)
    // FileHandle.writeFile goes on writing until every byte is down, and throws when it cannot.
    await handle.writeFile(data)
    await handle.sync()
    const { size } = await handle.stat()
    if (size !== data.byteLength) {
      throw Object.assign(
        new Error(`ENOSPC: only ${size} of ${data.byteLength} bytes could be written`),
        { code: 'ENOSPC' },
      )
    }
    await handle.close()
    handle = undefined
    await rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw namingTarget(error, temp, path)
  }
  await fsyncDirectory(dirname(path))
}

/** The temp file's name means nothing to the person saving; the error names the file they asked for. */
function namingTarget(error: unknown, temp: string, path: string): unknown {
  if (error instanceof Error && (error as NodeJS.ErrnoException).path === temp) {
    ;(error as NodeJS.ErrnoException).path = path
    error.message = error.message.replaceAll(temp, path)
  }
  return error
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

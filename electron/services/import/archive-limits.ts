import { fromBuffer, type Entry, type ZipFile } from 'yauzl'
import { formatMegabytes } from '../../../shared/assets/image-policy'

/** A zip that is not safe or not possible to open; the message says which entry and why. */
export class ArchiveError extends Error {}

/** Generous for Word documents and export packages, far short of what would hurt the machine. */
export const ARCHIVE_LIMITS = {
  entries: 5_000,
  unpackedBytes: 256 * 1024 * 1024,
  /** XML compresses 10 to 50 times; only bombs go past this (zeros compress about 1,000 times). */
  ratio: 200,
}

export interface ArchiveFile {
  path: string
  bytes: Buffer
}

/**
 * Entry names must stay inside the archive when unpacked anywhere: relative, forward slashes,
 * no `..` segment, no drive letter, nothing a file system would read as special.
 */
export function unsafeEntryName(name: string): string | undefined {
  if (name.length === 0) return 'it has no name'
  if (name.includes('\\')) return 'it uses backslashes, which some systems read as folders'
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'it is an absolute path'
  if (name.split('/').some((segment) => segment === '..')) return 'it climbs out with ".."'
  if ([...name].some((char) => char.charCodeAt(0) < 0x20)) return 'it contains control characters'
  return undefined
}

const S_IFMT = 0o170000
const S_IFLNK = 0o120000

/**
 * Every file in a zip, read only after each entry's name, the entry count and the unpacked
 * sizes have passed the limits, and with the bytes actually inflated counted against what the
 * entry declared: an archive bomb or a lying header is refused before it can fill memory.
 * `wanted` chooses which files' bytes to keep; the rest are still checked, then dropped.
 */
export async function readArchive(
  bytes: Uint8Array,
  wanted: (path: string) => boolean = () => true,
): Promise<ArchiveFile[]> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true },
      (error, opened) =>
        error
          ? reject(new ArchiveError(`it is not a readable zip archive (${error.message})`))
          : resolve(opened),
    ),
  )
  try {
    if (zip.entryCount > ARCHIVE_LIMITS.entries)
      throw new ArchiveError(
        `it holds ${zip.entryCount} files; archives can hold at most ${ARCHIVE_LIMITS.entries}`,
      )
    const entries = await allEntries(zip)
    let declared = 0
    for (const entry of entries) {
      const unsafe = unsafeEntryName(entry.name)
      if (unsafe) throw new ArchiveError(`the entry "${entry.name}" is refused: ${unsafe}`)
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
        throw new ArchiveError(`the entry "${entry.name}" is a symbolic link`)
      if (entry.isEncrypted()) throw new ArchiveError(`the entry "${entry.name}" is encrypted`)
      declared += entry.uncompressedSize
      if (declared > ARCHIVE_LIMITS.unpackedBytes)
        throw new ArchiveError(
          `it would unpack to more than ${formatMegabytes(ARCHIVE_LIMITS.unpackedBytes)}, far more than a story needs (an archive bomb?)`,
        )
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
      if (entry.uncompressedSize > 1024 * 1024 && ratio > ARCHIVE_LIMITS.ratio)
        throw new ArchiveError(
          `the entry "${entry.name}" is compressed ${Math.round(ratio)} to 1, as only archive bombs are`,
        )
    }
    const files: ArchiveFile[] = []
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue
      const content = await inflate(zip, entry)
      if (wanted(entry.name)) files.push({ path: entry.name, bytes: content })
    }
    return files
  } finally {
    zip.close()
  }
}

/** An entry with its name as written, before any tool tidies it (`a\\b` stays a backslash). */
type NamedEntry = Entry & { name: string }

/** Zip names are UTF-8 when the entry says so (flag bit 11), else IBM code page 437. */
function nameOf(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer
  return raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1')
}

function allEntries(zip: ZipFile): Promise<NamedEntry[]> {
  const entries: NamedEntry[] = []
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(Object.assign(entry, { name: nameOf(entry) }))
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', (error: Error) =>
      reject(new ArchiveError(`it is a damaged zip archive (${error.message})`)),
    )
    zip.readEntry()
  })
}

/** yauzl stops an entry that inflates past its declared size (`validateEntrySizes`). */
function inflate(zip: ZipFile, entry: NamedEntry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = (error: Error) =>
      reject(new ArchiveError(`the entry "${entry.name}" cannot be read (${error.message})`))
    zip.openReadStream(entry, (error, stream) => {
      if (error) return refuse(error)
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', refuse)
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

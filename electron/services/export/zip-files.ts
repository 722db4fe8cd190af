import { fromBuffer, type Entry, type ZipFile as ZipReader } from 'yauzl'
import { ZipFile } from 'yazl'

export interface ZipEntry {
  path: string
  bytes: Buffer
}

/**
 * Files that deflate would only spend time on: pictures and zips (a Word file is one) are
 * compressed already, so they are stored as they are.
 */
const ALREADY_COMPRESSED = /\.(jpe?g|png|gif|webp|avif|heic|docx|zip)$/i

/**
 * A zip of `entries` in the order given, every entry dated `modified`: the same entries always
 * give the same bytes, so an export can be checked by its checksum.
 */
export function zipFiles(entries: ZipEntry[], modified: Date): Promise<Buffer> {
  const zip = new ZipFile()
  for (const { path, bytes } of entries) {
    zip.addBuffer(bytes, path, {
      mtime: modified,
      mode: 0o100644,
      compress: !ALREADY_COMPRESSED.test(path),
    })
  }
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('error', reject)
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** Every file in a zip, in the zip's own order. */
export async function unzipFiles(zipBytes: Buffer): Promise<ZipEntry[]> {
  const reader = await new Promise<ZipReader>((resolve, reject) =>
    fromBuffer(zipBytes, { lazyEntries: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  )
  const entries: ZipEntry[] = []
  return new Promise((resolve, reject) => {
    reader.on('error', reject)
    reader.on('end', () => resolve(entries))
    reader.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) return reader.readEntry()
      reader.openReadStream(entry, (error, stream) => {
        if (error) return reject(error)
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('error', reject)
        stream.on('end', () => {
          entries.push({ path: entry.fileName, bytes: Buffer.concat(chunks) })
          reader.readEntry()
        })
      })
    })
    reader.readEntry()
  })
}

import { fromBuffer, type Entry } from 'yauzl'
import { describe, expect, it } from 'vitest'
import { unzipFiles, zipFiles } from './zip-files'

/** Each entry's name and compression method (0 stored, 8 deflated), as the zip records them. */
function methods(zip: Buffer): Promise<Record<string, number>> {
  return new Promise((resolve, reject) =>
    fromBuffer(zip, (error, reader) => {
      if (error) return reject(error)
      const found: Record<string, number> = {}
      reader.on('entry', (entry: Entry) => (found[entry.fileName] = entry.compressionMethod))
      reader.on('end', () => resolve(found))
    }),
  )
}

describe('zipFiles', () => {
  const text = Buffer.from('The council approved the harbour plan. '.repeat(200))
  const entries = [
    { path: 'article.html', bytes: text },
    { path: 'images/photo-w1024.jpg', bytes: text },
    { path: 'images/photo-w1024.webp', bytes: text },
    { path: 'article.docx', bytes: text },
  ]

  it('deflates text and stores what is compressed already (pictures, Word files)', async () => {
    expect(await methods(await zipFiles(entries, new Date('2026-11-29T12:00:00Z')))).toEqual({
      'article.html': 8,
      'images/photo-w1024.jpg': 0,
      'images/photo-w1024.webp': 0,
      'article.docx': 0,
    })
  })

  it('gives the same bytes for the same entries, and reads back what it wrote', async () => {
    const when = new Date('2026-11-29T12:00:00Z')
    const zip = await zipFiles(entries, when)
    expect((await zipFiles(entries, when)).equals(zip)).toBe(true)
    expect(await unzipFiles(zip)).toEqual(entries)
  })
})

import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { MAX_XMP_CHARACTERS, NO_EMBEDDED_CAPTION, readEmbeddedCaption } from './image-metadata'

const xmpPacket = (description: string, keywords: string[]) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${description}</rdf:li></rdf:Alt></dc:description>
<dc:subject><rdf:Bag>${keywords.map((keyword) => `<rdf:li>${keyword}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
</rdf:Description></rdf:RDF></x:xmpmeta>`

/** A TIFF, which (unlike a JPEG segment) can carry XMP of any size. */
const tiffWith = (xmp: string) =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: '#335577' } })
    .tiff()
    .withXmp(xmp)
    .toBuffer()

describe('reading a picture’s embedded caption', () => {
  it('reads XMP of a sane size', async () => {
    const bytes = await tiffWith(xmpPacket('Caption from XMP', ['harbour', 'storm']))
    expect((await readEmbeddedCaption(bytes)).caption).toBe('Caption from XMP')
  })

  it('leaves XMP over the limit unread: its parser slows with the square of crafted packets', async () => {
    const keywords = Array.from({ length: MAX_XMP_CHARACTERS / 16 }, (_, index) => `kw${index}`)
    const packet = xmpPacket('Caption from XMP', keywords)
    expect(packet.length).toBeGreaterThan(MAX_XMP_CHARACTERS)
    expect(await readEmbeddedCaption(await tiffWith(packet))).toEqual(NO_EMBEDDED_CAPTION)
  })

  it('does not count the whitespace padding XMP packets carry towards the limit', async () => {
    const padded = xmpPacket('Caption from XMP', ['harbour']) + ' '.repeat(MAX_XMP_CHARACTERS * 2)
    expect((await readEmbeddedCaption(await tiffWith(padded))).caption).toBe('Caption from XMP')
  })
})

import sharp from 'sharp'

/** Small real images, made in the test run, so no binary fixtures live in the repository. */
export function makeImage(
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff',
  colour = '#336699',
  size: { width: number; height: number } = { width: 64, height: 48 },
): Promise<Buffer> {
  return sharp({ create: { ...size, channels: 3, background: colour } })
    .toFormat(format)
    .toBuffer()
}

export function jpegWithExif(tags: {
  ImageDescription?: string
  Artist?: string
  Copyright?: string
}): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } })
    .jpeg()
    .withExif({ IFD0: tags })
    .toBuffer()
}

export function jpegWithXmp(
  description: string,
  creator: string,
  credit: string,
  rights: { copyright?: string; source?: string } = {},
): Promise<Buffer> {
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${description}</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>${creator}</rdf:li></rdf:Seq></dc:creator>
<photoshop:Credit>${credit}</photoshop:Credit>
${rights.copyright ? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${rights.copyright}</rdf:li></rdf:Alt></dc:rights>` : ''}
${rights.source ? `<photoshop:Source>${rights.source}</photoshop:Source>` : ''}
</rdf:Description></rdf:RDF></x:xmpmeta>`
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#228844' } })
    .jpeg()
    .withXmp(xmp)
    .toBuffer()
}

/** Adds an IPTC-IIM block (APP13, Photoshop 3.0, resource 0x0404) as wire photos carry it. */
export async function jpegWithIptc(fields: {
  caption?: string
  credit?: string
  byline?: string
  source?: string
  copyright?: string
}): Promise<Buffer> {
  const jpeg = await makeImage('jpeg', '#662288')
  const dataset = (id: number, value: string) => {
    const text = Buffer.from(value, 'utf8')
    const header = Buffer.from([0x1c, 0x02, id, text.length >> 8, text.length & 0xff])
    return Buffer.concat([header, text])
  }
  const iptc = Buffer.concat([
    Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47]), // 1:90 coded character set: UTF-8
    ...(fields.byline ? [dataset(0x50, fields.byline)] : []),
    ...(fields.credit ? [dataset(0x6e, fields.credit)] : []),
    ...(fields.source ? [dataset(0x73, fields.source)] : []),
    ...(fields.copyright ? [dataset(0x74, fields.copyright)] : []),
    ...(fields.caption ? [dataset(0x78, fields.caption)] : []),
  ])
  const padded = iptc.length % 2 ? Buffer.concat([iptc, Buffer.from([0])]) : iptc
  const size = Buffer.alloc(4)
  size.writeUInt32BE(iptc.length)
  const resource = Buffer.concat([
    Buffer.from('8BIM'),
    Buffer.from([0x04, 0x04, 0x00, 0x00]),
    size,
    padded,
  ])
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0'), resource])
  const length = Buffer.alloc(2)
  length.writeUInt16BE(body.length + 2)
  const segment = Buffer.concat([Buffer.from([0xff, 0xed]), length, body])
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)])
}

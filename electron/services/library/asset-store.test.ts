import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_IMAGE_BYTES } from '../../../shared/assets/image-policy'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'
import { jpegWithExif, jpegWithIptc, jpegWithXmp, makeImage } from '../testing/test-images'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let articleId: string
let assetsDir: string

beforeEach(async () => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  const created = await services.library.create({ headline: 'Storm' })
  if (!created.ok) throw new Error(created.error.message)
  articleId = created.value.id
  const folder = await services.library.folderOf(articleId)
  assetsDir = join(folder.ok ? folder.value : '', 'assets')
})
afterEach(() => temp.remove())

describe('AssetStore.importImage', () => {
  it.each(['jpeg', 'png', 'webp', 'gif'] as const)(
    'stores a %s under a content-hash name',
    async (format) => {
      const bytes = await makeImage(format)
      const result = await services.assets.importImage(articleId, `photo.${format}`, bytes)
      expect(result).toMatchObject({
        ok: true,
        value: { format, width: 64, height: 48, reused: false },
      })
      if (!result.ok) return
      expect(result.value.src).toMatch(/^assets\/[0-9a-f]{32}\.(jpg|png|webp|gif)$/)
      expect(readFileSync(join(assetsDir, '..', result.value.src))).toEqual(bytes)
    },
  )

  it('refuses a picture of more pixels than a package can render, before decoding it', async () => {
    // A PNG that says it is 16,383 pixels square: its header is all it takes to refuse it.
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
      const length = Buffer.alloc(4)
      length.writeUInt32BE(data.length)
      const crc = Buffer.alloc(4)
      crc.writeUInt32BE(crc32(body))
      return Buffer.concat([length, body, crc])
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(16_383, 0)
    header.writeUInt32BE(16_383, 4)
    header.set([8, 2, 0, 0, 0], 8)
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(0))),
      chunk('IEND', Buffer.alloc(0)),
    ])
    expect(await services.assets.importImage(articleId, 'huge.png', png)).toEqual({
      ok: false,
      error: {
        kind: 'invalid-file',
        message:
          'huge.png is 16,383 × 16,383 pixels (268 megapixels); pictures can be at most 100 megapixels. Scale it down and insert it again.',
      },
    })
    expect(readdirSync(assetsDir)).toEqual([])
  })

  it('stores the same image once', async () => {
    const bytes = await makeImage('png')
    const first = await services.assets.importImage(articleId, 'a.png', bytes)
    const second = await services.assets.importImage(articleId, 'copy of a.png', bytes)
    expect(second).toMatchObject({ ok: true, value: { reused: true } })
    expect(first.ok && second.ok && first.value.src === second.value.src).toBe(true)
    expect(readdirSync(assetsDir)).toHaveLength(1)
  })

  it.each([
    [
      'an unsupported format',
      'scan.tiff',
      () => makeImage('tiff'),
      /^scan\.tiff is a TIFF image; use JPEG, PNG, WebP or GIF\.$/,
    ],
    [
      'a file that is no image',
      'notes.jpg',
      async () => Buffer.from('just some text, not a picture'),
      /^notes\.jpg is not an image Copydesk can use/,
    ],
    [
      'a truncated JPEG',
      'cut.jpg',
      async () => {
        const jpeg = await makeImage('jpeg')
        return jpeg.subarray(0, jpeg.length - 10)
      },
      /^cut\.jpg is damaged and cannot be read/,
    ],
    [
      'an oversized file',
      'huge.jpg',
      async () => Buffer.alloc(MAX_IMAGE_BYTES + 1),
      /^huge\.jpg is 50\.0 MB; images can be at most 50\.0 MB\.$/,
    ],
  ])('refuses %s with a specific message and stores nothing', async (_, name, bytes, message) => {
    const result = await services.assets.importImage(articleId, name, await bytes())
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-file', message: expect.stringMatching(message) },
    })
    expect(readdirSync(assetsDir)).toEqual([])
  })

  it('answers not-found for an unknown article', async () => {
    const result = await services.assets.importImage(
      '00000000-0000-4000-8000-000000000000',
      'a.png',
      await makeImage('png'),
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found' } })
  })
})

describe('caption, credit and rights from the image’s own metadata', () => {
  it('reads IPTC, as wire photos carry it, the copyright notice as its own field', async () => {
    const bytes = await jpegWithIptc({
      caption: 'Waves break over the sea wall at Ōwhiro Bay.',
      credit: 'Herald',
      byline: 'Jo Smith',
      source: 'Herald Wire',
      copyright: '© 2026 Herald Media Ltd',
    })
    const result = await services.assets.importImage(articleId, 'wire.jpg', bytes)
    expect(result).toMatchObject({
      ok: true,
      value: {
        caption: 'Waves break over the sea wall at Ōwhiro Bay.',
        credit: 'Jo Smith/Herald',
        creator: 'Jo Smith',
        copyright: '© 2026 Herald Media Ltd',
        source: 'Herald Wire',
      },
    })
  })

  it('reads XMP', async () => {
    const result = await services.assets.importImage(
      articleId,
      'xmp.jpg',
      await jpegWithXmp('Ferry in the storm', 'Ana Lee', 'Agency', {
        copyright: 'Copyright 2026 Agency',
        source: 'Agency pool',
      }),
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        caption: 'Ferry in the storm',
        credit: 'Ana Lee/Agency',
        creator: 'Ana Lee',
        copyright: 'Copyright 2026 Agency',
        source: 'Agency pool',
      },
    })
  })

  it('falls back to EXIF', async () => {
    const result = await services.assets.importImage(
      articleId,
      'exif.jpg',
      await jpegWithExif({ ImageDescription: 'Harbour at dawn', Artist: 'Sam Roe' }),
    )
    expect(result).toMatchObject({
      ok: true,
      value: { caption: 'Harbour at dawn', credit: 'Sam Roe' },
    })
  })

  it('leaves both empty for an image without metadata', async () => {
    const result = await services.assets.importImage(articleId, 'plain.png', await makeImage('png'))
    expect(result).toMatchObject({ ok: true, value: { caption: '', credit: '' } })
  })
})

describe('AssetStore.read', () => {
  it('reads an article’s image and nothing outside its assets folder', async () => {
    const imported = await services.assets.importImage(articleId, 'a.png', await makeImage('png'))
    const src = imported.ok ? imported.value.src : ''
    expect(await services.assets.read(articleId, src)).toMatchObject({
      ok: true,
      value: { mimeType: 'image/png' },
    })
    writeFileSync(join(assetsDir, '..', 'article-notes.png'), 'x')
    for (const bad of ['article.json', 'assets/../article.json', '../secret.png', 'assets/x.svg']) {
      expect(await services.assets.read(articleId, bad)).toMatchObject({
        ok: false,
        error: { kind: 'invalid-request' },
      })
    }
  })
})

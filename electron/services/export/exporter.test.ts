import exifr from 'exifr'
import { XMLParser } from 'fast-xml-parser'
import mammoth from 'mammoth'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle, fieldsOf, type Article, type TiptapNode } from '../../../shared/article'
import { TEXT_FORMATS, type ExportFormat } from '../../../shared/export'
import type { NodeServices } from '../platform/node-services'
import { makeImage } from '../testing/test-images'
import {
  OFFICIAL_SCHEMAS_ABSENT_REASON,
  OFFICIAL_SCHEMAS_PRESENT,
  officialNinjsValidator,
} from '../testing/test-ninjs-schemas'
import { createTempServices, makeTempDir } from '../testing/test-support'
import { unzipFiles } from './zip-files'

/** Renditions, DOCX and zips of a 2400-pixel picture take seconds on a busy two-core runner. */
const SLOW = { timeout: 60_000 }

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices

beforeEach(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
})
afterEach(() => temp.remove())

const text = (value: string, marks?: TiptapNode['marks']): TiptapNode => ({
  type: 'text',
  text: value,
  ...(marks && { marks }),
})
const paragraph = (...content: TiptapNode[]): TiptapNode => ({ type: 'paragraph', content })
const cell = (type: 'tableHeader' | 'tableCell', value: string): TiptapNode => ({
  type,
  content: [paragraph(text(value))],
})

/** A complete story with every kind of block, a comment, and a 2400-pixel picture. */
async function storyWithPicture(): Promise<Article> {
  const created = await services.library.create({
    headline: 'Harbour bridge to close for repairs',
    standfirst: 'Ferries will run every 20 minutes instead.',
    byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe', role: 'Additional reporting' }],
    dateline: 'WELLINGTON',
    keywords: ['transport', 'harbour'],
    status: 'ready',
  })
  if (!created.ok) throw new Error(created.error.message)
  const image = await services.assets.importImage(
    created.value.id,
    'bridge.jpg',
    await makeImage('jpeg', '#2255aa', { width: 2400, height: 1600 }),
  )
  if (!image.ok) throw new Error(image.error.message)
  const body: TiptapNode = {
    type: 'doc',
    content: [
      paragraph(
        text('The council said '),
        text('on Tuesday', [{ type: 'comment', attrs: { threadId: 'thread-1' } }]),
        text(' that the '),
        text('bridge', [{ type: 'bold' }]),
        text(' will close. '),
        text('Details', [{ type: 'link', attrs: { href: 'https://example.com/notice' } }]),
        text('.'),
      ),
      {
        type: 'figure',
        attrs: {
          src: image.value.src,
          alt: 'The bridge at dusk',
          credit: 'Jo Smith/Herald',
          lead: true,
        },
        content: [text('The bridge carries 30,000 cars a day.')],
      },
      { type: 'heading', attrs: { level: 2 }, content: [text('What changes')] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('Ferries every 20 minutes'))] },
          { type: 'listItem', content: [paragraph(text('Buses on the coast road'))] },
        ],
      },
      { type: 'blockquote', content: [paragraph(text('We had no choice,'))] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [cell('tableHeader', 'Route'), cell('tableHeader', 'Every')],
          },
          { type: 'tableRow', content: [cell('tableCell', 'Ferry'), cell('tableCell', '20 min')] },
        ],
      },
    ],
  }
  const saved = await services.library.save(created.value.id, created.value.revision, {
    ...fieldsOf(created.value),
    body,
    comments: [
      {
        id: '0d2c3a4b-1111-4222-8333-444455556666',
        author: 'Desk',
        createdAt: '2026-11-29T03:00:00.000Z',
        text: 'SECRET-DESK-NOTE',
        resolved: false,
        replies: [],
      },
    ],
    sources: [
      {
        id: SOURCE_ID,
        name: 'Hemi Walker',
        role: 'SOURCE-ROLE harbour pilot',
        reached: 'phone',
        contact: 'SOURCE-CONTACT +64 21 555 0199',
        notes: 'SOURCE-NOTE spoke off the record first',
        createdAt: '2026-11-29T03:00:00.000Z',
      },
    ],
    quotes: [
      {
        id: '7b1d2e3f-1111-4222-8333-444455556666',
        quote: 'We had no choice,',
        sourceId: SOURCE_ID,
        saidAt: 'SOURCE-SAID-AT 4 Dec',
        record: { kind: 'recording', where: 'SOURCE-RECORDING.m4a', at: '12:40' },
        checked: { by: 'SOURCE-CHECKER', at: '2026-11-29T04:00:00.000Z' },
        createdAt: '2026-11-29T03:00:00.000Z',
      },
    ],
  })
  if (!saved.ok) throw new Error(saved.error.message)
  return saved.value
}

const SOURCE_ID = '5a0e3f1c-1111-4222-8333-444455556666'
/** Anything of the source and quote log: its markers, the source's name and the ids. */
const SOURCE_LOG = /SOURCE-|Hemi Walker|5a0e3f1c|7b1d2e3f/

/** The XMP fields as exifr names them, read from a packet with an XML parser. */
function webpXmp(packet: string) {
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true })
  const description = parser.parse(packet).xmpmeta.RDF.Description
  const alternative = (field: { Alt: { li: { '#text': string } } }) => ({
    value: field.Alt.li['#text'],
  })
  return {
    description: alternative(description.description),
    Credit: description.Credit,
    ...(description.rights && { rights: alternative(description.rights) }),
    AltTextAccessibility: alternative(description.AltTextAccessibility),
  }
}

async function exported(article: Article, format: ExportFormat) {
  const result = await services.exporter.export(article, format)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const bytesOf = (file: { content: string; encoding: 'utf8' | 'base64' }) =>
  Buffer.from(file.content, file.encoding)

describe('ninjs against the official IPTC schemas', SLOW, () => {
  it.skipIf(!OFFICIAL_SCHEMAS_PRESENT)(
    `2.2 and 3.1, single files and in a package, with and without an image base URL${OFFICIAL_SCHEMAS_PRESENT ? '' : ` (skipped: ${OFFICIAL_SCHEMAS_ABSENT_REASON})`}`,
    async () => {
      const article = await storyWithPicture()
      const validators = {
        ninjs: officialNinjsValidator('2.2'),
        ninjs3: officialNinjsValidator('3.1'),
      }
      const documents: [string, unknown][] = []
      for (const format of ['ninjs', 'ninjs3'] as const) {
        documents.push([format, JSON.parse((await exported(article, format)).content)])
      }
      for (const base of ['', 'https://cdn.example.com/stories/']) {
        await services.settings.update({ imageBaseUrl: base })
        const files = await unzipFiles(bytesOf(await exported(article, 'package')))
        for (const [format, name] of [
          ['ninjs', 'article.ninjs.json'],
          ['ninjs3', 'article.ninjs3.json'],
        ] as const) {
          const file = files.find((entry) => entry.path === name)
          documents.push([format, JSON.parse(String(file?.bytes))])
        }
      }
      for (const [format, document] of documents) {
        const validate = validators[format as 'ninjs' | 'ninjs3']
        expect(validate(document), JSON.stringify(validate.errors)).toBe(true)
      }
      const packaged = documents.at(-1)?.[1] as {
        associations: { renditions: { href: string }[] }[]
        versionCreated: string
      }
      expect(packaged.versionCreated).toBe(article.updatedAt)
      expect(packaged.associations[0]?.renditions.map((r) => r.href)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^https:\/\/cdn\.example\.com\/stories\/images\/\w+-w1024\.webp$/),
        ]),
      )
    },
  )
})

describe('formats', SLOW, () => {
  it('ninjs carries headlines, by, located, subjects, counts and the picture with caption, credit and alt text', async () => {
    const article = await storyWithPicture()
    const ninjs = JSON.parse((await exported(article, 'ninjs')).content)
    expect(ninjs).toMatchObject({
      uri: `urn:uuid:${article.id}`,
      type: 'text',
      version: String(article.revision),
      pubstatus: 'usable',
      language: 'en',
      slugline: article.slug,
      headlines: [
        { role: 'main', value: 'Harbour bridge to close for repairs' },
        { role: 'sub', value: 'Ferries will run every 20 minutes instead.' },
      ],
      by: 'Ana Lee and Sam Roe (Additional reporting)',
      located: 'WELLINGTON',
      subjects: [{ name: 'transport' }, { name: 'harbour' }],
      associations: [
        {
          name: 'featureimage',
          type: 'picture',
          by: 'Jo Smith/Herald',
          descriptions: [
            { role: 'caption', value: 'The bridge carries 30,000 cars a day.' },
            { role: 'alt-text', value: 'The bridge at dusk' },
          ],
        },
      ],
    })
    // The Counts panel's count: 31 words of text and the caption's 7.
    expect(ninjs.bodies[0]).toMatchObject({ role: 'main', contenttype: 'text/html', wordcount: 38 })
    expect(ninjs.bodies[0].value).toContain('<h2>What changes</h2>')
  })

  it('NITF 3.6 parses back element by element', async () => {
    const article = await storyWithPicture()
    const xml = (await exported(article, 'nitf')).content
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml)
    const nitf = parsed.nitf
    expect(nitf['@xmlns']).toBe('http://iptc.org/std/NITF/2006-10-18/')
    expect(nitf['@version']).toBe('-//IPTC//DTD NITF 3.6//EN')
    expect(nitf.head.title).toBe(article.headline)
    expect(nitf.head.docdata['doc-id']['@id-string']).toBe(article.id)
    expect(nitf.head.docdata.urgency['@ed-urg']).toBe('5')
    expect(nitf.head.docdata['date.issue']['@norm']).toMatch(/^\d{8}T\d{6}Z$/)
    expect(nitf.head.docdata['key-list'].keyword.map((k: { '@key': string }) => k['@key'])).toEqual(
      ['transport', 'harbour'],
    )
    const head = nitf.body['body.head']
    expect(head.hedline).toEqual({ hl1: article.headline, hl2: article.standfirst })
    expect(head.byline).toEqual([
      { '#text': 'By', person: 'Ana Lee' },
      { '#text': 'and,', person: 'Sam Roe', byttl: 'Additional reporting' },
    ])
    expect(head.dateline.location).toBe('WELLINGTON')
    expect(head.abstract.p).toBe(article.standfirst)
    const content = nitf.body['body.content']
    expect(content.hl2).toBe('What changes')
    expect(content.ul.li).toEqual([
      { p: 'Ferries every 20 minutes' },
      { p: 'Buses on the coast road' },
    ])
    expect(content.bq.block.p).toBe('We had no choice,')
    expect(content.media['@media-type']).toBe('image')
    expect(content.media['media-reference']['@alternate-text']).toBe('The bridge at dusk')
    // A single file carries no pictures: the reference keeps the alt text and names no file.
    expect(content.media['media-reference']['@source']).toBeUndefined()
    expect(content.media['media-caption']).toBe('The bridge carries 30,000 cars a day.')
    expect(content.media['media-producer']).toBe('Jo Smith/Herald')
    expect(content.table.tr).toEqual([
      { th: [{ p: 'Route' }, { p: 'Every' }] },
      { td: [{ p: 'Ferry' }, { p: '20 min' }] },
    ])
    expect(content.p['#text'] ?? content.p).toBeTruthy()
  })

  it('DOCX reads back with mammoth: title, standfirst, byline, headings, lists, picture, caption and credit', async () => {
    const article = await storyWithPicture()
    const buffer = bytesOf(await exported(article, 'docx'))
    const { value: raw } = await mammoth.extractRawText({ buffer })
    const lines = raw.split('\n').filter(Boolean)
    expect(lines.slice(0, 4)).toEqual([
      'Harbour bridge to close for repairs',
      'Ferries will run every 20 minutes instead.',
      'By Ana Lee and Sam Roe (Additional reporting)',
      'WELLINGTON',
    ])
    expect(lines).toContain('The council said on Tuesday that the bridge will close. Details.')
    expect(lines).toContain('The bridge carries 30,000 cars a day. Jo Smith/Herald')
    const { value: html } = await mammoth.convertToHtml({ buffer })
    expect(html).toContain('<h2>What changes</h2>')
    expect(html).toMatch(
      /<ul><li>Ferries every 20 minutes<\/li><li>Buses on the coast road<\/li><\/ul>/,
    )
    expect(html).toMatch(/<img alt="The bridge at dusk" src="data:image\/jpeg;base64,/)
    expect(html).toContain('<a href="https://example.com/notice">Details</a>')
    const documentXml = (await unzipFiles(buffer)).find(
      (entry) => entry.path === 'word/document.xml',
    )
    expect(String(documentXml?.bytes)).toMatch(
      /<w:hyperlink [^>]*>\s*<w:r>\s*<w:rPr>\s*<w:rStyle w:val="Hyperlink"\/>/,
    )
    // No run switches off its paragraph style's bold or italic (a pull quote's italic was).
    expect(String(documentXml?.bytes)).not.toMatch(/<w:(?:b|i|strike|bCs|iCs) w:val="(?:false|0)"/)
    // Header cells are bold by their paragraph style, so the words themselves are not bold.
    expect(html).toMatch(
      /<table><thead><tr><th><p>Route<\/p><\/th>.*<td><p>20 min<\/p><\/td><\/tr>(<\/tbody>)?<\/table>/s,
    )
    expect(String(documentXml?.bytes)).toMatch(
      /<w:pStyle w:val="TableHeading"\/>[\s\S]*?<w:t[^>]*>Route<\/w:t>/,
    )
  })

  it('the package holds every format and image rendition, listed in a manifest with checksums', async () => {
    const article = await storyWithPicture()
    const files = await unzipFiles(bytesOf(await exported(article, 'package')))
    const manifestEntry = files.find((entry) => entry.path === 'manifest.json')
    const manifest = JSON.parse(String(manifestEntry?.bytes))
    expect(manifest).toMatchObject({
      articleId: article.id,
      revision: article.revision,
      exportedAt: article.updatedAt,
    })
    const others = files.filter((entry) => entry !== manifestEntry)
    expect(manifest.files).toEqual(
      others.map(({ path, bytes }) => ({
        path,
        size: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      })),
    )
    const paths = others.map((entry) => entry.path)
    for (const name of [
      'article.html',
      'article.ninjs.json',
      'article.ninjs3.json',
      'article.nitf.xml',
      'article.md',
      'article.txt',
      'article.docx',
    ]) {
      expect(paths).toContain(name)
    }
    const images = paths.filter((path) => path.startsWith('images/')).sort()
    expect(images.map((path) => path.replace(/images\/[0-9a-f]+/, 'images/X'))).toEqual([
      'images/X-w1024.jpg',
      'images/X-w1024.webp',
      'images/X-w2048.jpg',
      'images/X-w2048.webp',
      'images/X-w512.jpg',
      'images/X-w512.webp',
      'images/X.jpg',
    ])
    const page = String(others.find((entry) => entry.path === 'article.html')?.bytes)
    expect(page).toMatch(
      /<source type="image\/webp" srcset="images\/\w+-w2048\.webp 2048w, images\/\w+-w1024\.webp 1024w, images\/\w+-w512\.webp 512w"/,
    )
    expect(page).toMatch(
      /<img src="images\/\w+\.jpg" srcset="[^"]+-w512\.jpg 512w" sizes="[^"]+" alt="The bridge at dusk" width="2400" height="1600">/,
    )

    for (const path of images.filter((name) => /-w\d+\./.test(name))) {
      const bytes = others.find((entry) => entry.path === path)?.bytes as Buffer
      // exifr reads JPEG; for WebP, sharp hands over the XMP packet.
      const metadata = path.endsWith('.jpg')
        ? await exifr.parse(bytes, { xmp: true })
        : webpXmp(String((await sharp(bytes).metadata()).xmp))
      expect(metadata, path).toMatchObject({
        description: { value: 'The bridge carries 30,000 cars a day.' },
        Credit: 'Jo Smith/Herald',
        AltTextAccessibility: { value: 'The bridge at dusk' },
      })
      // A credit line is no copyright notice: none is made up from it.
      expect(metadata, path).not.toHaveProperty('rights')
    }
  })

  it("a picture's own rights go into its renditions, ninjs and NITF, apart from the credit", async () => {
    const story = await storyWithPicture()
    const rights = {
      creator: 'Jo Smith',
      copyright: '© 2026 Herald Media Ltd',
      source: 'Herald Wire',
    }
    const body = JSON.parse(
      JSON.stringify(story.body).replace(
        '"credit":"Jo Smith/Herald"',
        `"credit":"Jo Smith/Herald",${JSON.stringify(rights).slice(1, -1)}`,
      ),
    ) as TiptapNode
    const saved = await services.library.save(story.id, story.revision, {
      ...fieldsOf(story),
      body,
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const files = await unzipFiles(bytesOf(await exported(saved.value, 'package')))
    const file = (path: string) => String(files.find((entry) => entry.path === path)?.bytes)

    for (const entry of files.filter(({ path }) => /^images\/\w+-w\d+\.jpg$/.test(path))) {
      const metadata = await exifr.parse(entry.bytes, { xmp: true })
      expect(metadata, entry.path).toMatchObject({
        Credit: 'Jo Smith/Herald',
        creator: 'Jo Smith',
        rights: { value: '© 2026 Herald Media Ltd' },
        Source: 'Herald Wire',
      })
    }
    const [picture22] = JSON.parse(file('article.ninjs.json')).associations
    expect(picture22).toMatchObject({
      by: 'Jo Smith/Herald',
      copyrightnotice: '© 2026 Herald Media Ltd',
      infosources: [
        { name: 'Jo Smith', role: 'creator' },
        { name: 'Herald Wire', role: 'source' },
      ],
    })
    const [picture31] = JSON.parse(file('article.ninjs3.json')).associations
    expect(picture31).toMatchObject({ copyrightNotice: '© 2026 Herald Media Ltd' })
    expect(file('article.nitf.xml')).toMatch(
      /<media-metadata name="creator" value="Jo Smith"\/>\s*<media-metadata name="copyright" value="© 2026 Herald Media Ltd"\/>\s*<media-metadata name="source" value="Herald Wire"\/>/,
    )

    // Imported again, the package gives the figure the same rights.
    const path = join(temp.path, 'rights.zip')
    writeFileSync(path, bytesOf(await exported(saved.value, 'package')))
    const imported = await services.importer.importFile(path)
    if (!imported.ok) throw new Error(imported.error.message)
    const figure = imported.value.article.body.content?.find((node) => node.type === 'figure')
    expect(figure?.attrs).toMatchObject({ credit: 'Jo Smith/Herald', ...rights })
  })

  it('tables read as tables in Markdown and as rows in wire text', async () => {
    const article = await storyWithPicture()
    expect((await exported(article, 'md')).content).toContain(
      '| Route | Every |\n| --- | --- |\n| Ferry | 20 min |',
    )
    expect((await exported(article, 'txt')).content).toContain('Route | Every\nFerry | 20 min')
    expect((await exported(article, 'html')).content).toMatch(
      /<table[^>]*>.*<th[^>]*><p>Route<\/p><\/th>/s,
    )
  })

  it('the same revision exported twice gives the same bytes', async () => {
    const article = await storyWithPicture()
    for (const format of ['package', 'docx', ...TEXT_FORMATS] as const) {
      const first = await exported(article, format)
      const second = await exported(article, format)
      expect(second.content, format).toBe(first.content)
    }
  })

  it('comment text is in no format, the package and Word file included', async () => {
    const article = await storyWithPicture()
    for (const format of TEXT_FORMATS) {
      expect((await exported(article, format)).content, format).not.toMatch(
        /SECRET|thread-1|data-comment/,
      )
    }
    const { value: raw } = await mammoth.extractRawText({
      buffer: bytesOf(await exported(article, 'docx')),
    })
    expect(raw).not.toContain('SECRET')
    for (const entry of await unzipFiles(bytesOf(await exported(article, 'package')))) {
      if (entry.path.endsWith('.docx') || entry.path.startsWith('images/')) continue
      expect(String(entry.bytes), entry.path).not.toMatch(/SECRET|thread-1|data-comment/)
    }
  })
})

describe('a story given a slot', SLOW, () => {
  it('is packaged with its slot and how it fit, and preflight says what is over', async () => {
    const story = await storyWithPicture()
    const slotted = await services.library.save(story.id, story.revision, {
      ...fieldsOf(story),
      headline: 'Harbour bridge to close for a year of repairs while ferries carry commuters',
      slot: 'broadsheet-brief',
    })
    if (!slotted.ok) throw new Error(slotted.error.message)
    const files = await unzipFiles(bytesOf(await exported(slotted.value, 'package')))
    const manifest = JSON.parse(
      String(files.find((entry) => entry.path === 'manifest.json')?.bytes),
    ) as { slot: { id: string; fields: { field: string; used: number; available: number }[] } }
    expect(manifest.slot).toMatchObject({
      id: 'broadsheet-brief',
      name: 'Broadsheet brief (1 column)',
    })
    expect(manifest.slot.fields.map(({ field }) => field)).toEqual(['Headline', 'Body'])
    // 75 characters in bold 14 pt on one 46 mm column: more than the slot's two lines.
    expect(manifest.slot.fields[0]?.used).toBeGreaterThan(2)
    const report = await services.exporter.preflight(slotted.value)
    expect(report.items).toContainEqual(
      expect.objectContaining({
        code: 'copyfit-over',
        severity: 'warning',
        target: { field: 'Headline' },
        message: expect.stringMatching(/^Headline: \d of 2 lines: \d over in “Broadsheet brief/),
      }),
    )
  })
})

describe('the source and quote log never leaves the newsroom', SLOW, () => {
  it.each([...TEXT_FORMATS, 'docx', 'package'] as const)(
    'nothing of it is in %s',
    async (format) => {
      const article = await storyWithPicture()
      const file = await exported(article, format)
      // Every part of the Word file and of the package, a Word file inside it included.
      const texts: string[] = []
      const read = async (bytes: Buffer) => {
        for (const entry of await unzipFiles(bytes)) {
          if (entry.path.startsWith('images/')) continue
          if (entry.path.endsWith('.docx')) await read(Buffer.from(entry.bytes))
          else texts.push(Buffer.from(entry.bytes).toString('utf8'))
        }
      }
      if (format === 'docx' || format === 'package') await read(bytesOf(file))
      else texts.push(file.content)
      expect(texts.length).toBeGreaterThan(0)
      expect(article.sources).toHaveLength(1)
      for (const text of texts) expect(text).not.toMatch(SOURCE_LOG)
    },
  )
})

describe('preflight in the service', SLOW, () => {
  it('reports a missing image file and blocks the export until forced', async () => {
    const article = await storyWithPicture()
    const folder = await services.library.folderOf(article.id)
    if (!folder.ok) throw new Error(folder.error.message)
    const { rmSync } = await import('node:fs')
    const src = String(article.body.content?.[1]?.attrs?.src)
    rmSync(`${folder.value}/${src}`)
    const report = await services.exporter.preflight(article)
    expect(report.items).toContainEqual(
      expect.objectContaining({ code: 'missing-image', severity: 'blocking' }),
    )
    const refused = await services.exporter.export(article, 'html')
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is missing') },
    })
    expect(await services.exporter.export(article, 'html', { force: true })).toMatchObject({
      ok: true,
    })
  })

  it('exports a batch as one zip and names the articles it left out', async () => {
    const good = await storyWithPicture()
    const blocked = await services.library.create({ headline: 'No byline here' })
    if (!blocked.ok) throw new Error(blocked.error.message)
    const batch = await services.exporter.exportBatch([good, blocked.value], 'txt')
    expect(batch).toMatchObject({
      ok: true,
      value: {
        exported: 1,
        skipped: [{ title: 'No byline here', reason: expect.stringContaining('no byline') }],
      },
    })
    if (!batch.ok) return
    const files = await unzipFiles(bytesOf(batch.value.file))
    expect(files.map((file) => file.path)).toEqual([`${good.slug}.txt`])
  })
})

/**
 * Every picture a text file points at, read the way its readers would: img src and srcset (and
 * picture sources) in HTML, also inside ninjs bodies; ninjs rendition links; NITF media sources;
 * Markdown images.
 */
function pictureReferences(path: string, text: string): string[] {
  const html = (markup: string) => [
    ...[...markup.matchAll(/\s(?:src|source)="([^"]*)"/g)].map((match) => match[1] ?? ''),
    ...[...markup.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((match) =>
      (match[1] ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
    ),
  ]
  // Markdown writes its figures as HTML blocks.
  if (path.endsWith('.md')) return html(text)
  if (/\.ninjs3?\.json$/.test(path)) {
    const ninjs = JSON.parse(text) as {
      bodies: { value: string }[]
      associations?: { renditions?: { href?: string; title?: string }[] }[]
    }
    return [
      ...ninjs.bodies.flatMap((body) => html(body.value)),
      ...(ninjs.associations ?? []).flatMap((association) =>
        (association.renditions ?? []).map((rendition) => rendition.href ?? rendition.title ?? ''),
      ),
    ]
  }
  return /\.(html|xml)$/.test(path) ? html(text) : []
}

describe('pictures in a package', SLOW, () => {
  /** Each text member's picture references, checked to be files in the same zip. */
  async function referencesIn(article: Article, imageBaseUrl: string, force = false) {
    await services.settings.update({ imageBaseUrl })
    const result = await services.exporter.export(article, 'package', { force })
    if (!result.ok) throw new Error(result.error.message)
    const files = await unzipFiles(bytesOf(result.value))
    const members = new Set(files.map((file) => file.path))
    const found: Record<string, string[]> = {}
    for (const { path, bytes } of files) {
      if (!/\.(html|md|txt|json|xml)$/.test(path)) continue
      const text = String(bytes)
      // The article folder's layout is not the package's: nothing may point there.
      expect(text, path).not.toMatch(/\bassets\//)
      for (const named of text.match(/\bimages\/[^\s"'<>)\\]+/g) ?? [])
        expect(members, `${path} names ${named}`).toContain(named)
      found[path] = pictureReferences(path, text)
      for (const reference of found[path]) {
        const inPackage =
          imageBaseUrl && reference.startsWith(imageBaseUrl)
            ? reference.slice(imageBaseUrl.length)
            : reference
        expect(members, `${path} points at ${reference}`).toContain(inPackage)
      }
    }
    return found
  }

  it('every file in the package points at pictures where the package puts them', async () => {
    const article = await storyWithPicture()
    for (const base of ['', 'https://cdn.example.com/stories/']) {
      const found = await referencesIn(article, base)
      for (const member of [
        'article.html',
        'article.fragment.html',
        'article.md',
        'article.ninjs.json',
        'article.ninjs3.json',
        'article.nitf.xml',
      ]) {
        expect(found[member]?.length, `${member} with base "${base}"`).toBeGreaterThan(0)
      }
    }
  })

  it('a picture whose file is missing is pointed at by no file in a forced package', async () => {
    const article = await storyWithPicture()
    const folder = await services.library.folderOf(article.id)
    if (!folder.ok) throw new Error(folder.error.message)
    const { rmSync } = await import('node:fs')
    rmSync(`${folder.value}/${String(article.body.content?.[1]?.attrs?.src)}`)
    const found = await referencesIn(article, '', true)
    expect(Object.values(found).flat()).toEqual([])
  })
})

describe('single files and their pictures', SLOW, () => {
  it('a single file points at no picture and its result says the package has them', async () => {
    const article = await storyWithPicture()
    for (const format of TEXT_FORMATS) {
      const file = await exported(article, format)
      expect(pictureReferences(file.fileName, file.content), format).toEqual([])
      expect(file.content, format).not.toMatch(/\bassets\//)
      expect(file.notes, format).toEqual([
        'This file has no pictures (the story has 1): export the package to get them.',
      ])
    }
    expect((await exported(article, 'package')).notes).toBeUndefined()
    expect((await exported(article, 'docx')).notes).toBeUndefined()
  })
})

describe('empty paragraphs at the ends of the body', SLOW, () => {
  it('are not in the Word file', async () => {
    const story = (content: TiptapNode[]) =>
      createArticle(
        { headline: 'Bridge', byline: [{ name: 'Ana Lee' }], body: { type: 'doc', content } },
        '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70',
        new Date('2026-11-28T10:00:00.000Z'),
      )
    const documentXml = async (article: Article) =>
      String(
        (await unzipFiles(await services.exporter.docx(article))).find(
          (entry) => entry.path === 'word/document.xml',
        )?.bytes,
      )
    const empty: TiptapNode = { type: 'paragraph' }
    const body = [paragraph(text('The bridge closes.'))]
    expect(await documentXml(story([empty, ...body, empty, empty]))).toBe(
      await documentXml(story(body)),
    )
  })
})

import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article, TiptapNode } from '../../../shared/article'
import { figuresOf } from '../../../shared/export/figures'
import type { NodeServices } from '../platform/node-services'
import { makeImage } from '../testing/test-images'
import {
  OFFICIAL_SCHEMAS_ABSENT_REASON,
  OFFICIAL_SCHEMAS_PRESENT,
  STANDARDS_DIR,
} from '../testing/test-ninjs-schemas'
import { createTempServices, listLibrary, makeTempDir } from '../testing/test-support'

const SLOW = { timeout: 60_000 }

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices

beforeEach(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
})
afterEach(() => temp.remove())

async function imported(fileName: string, content: string | Uint8Array, folder = temp.path) {
  const path = join(folder, fileName)
  writeFileSync(path, content)
  const result = await services.importer.importFile(path)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const cellOf = (text: string) => new TableCell({ children: [new Paragraph(text)] })

const blocks = (article: Article, type: string) =>
  (article.body.content ?? []).filter((node: TiptapNode) => node.type === type)

const articleCount = async () => {
  if (!existsSync(services.library.root)) return 0
  const listing = await listLibrary(services.library.root)
  return listing.ok ? listing.value.articles.length : -1
}

describe('import', SLOW, () => {
  it('Word: title, subtitle, byline, headings, lists, emphasis, links and a picture with its caption', async () => {
    const picture = await makeImage('png', '#884422', { width: 400, height: 300 })
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              text: 'Council votes to close the bridge',
              heading: HeadingLevel.TITLE,
            }),
            new Paragraph({ text: 'Ferries will run every 20 minutes.', style: 'Subtitle' }),
            new Paragraph({ text: 'By Ana Lee' }),
            new Paragraph({
              children: [
                new TextRun('The council voted '),
                new TextRun({ text: '7-2', bold: true }),
                new TextRun(' on '),
                new TextRun({ text: 'Tuesday', italics: true }),
                new TextRun('. '),
                new ExternalHyperlink({
                  link: 'https://example.com/vote',
                  children: [new TextRun('The minutes')],
                }),
                new TextRun(' are online.'),
              ],
            }),
            new Paragraph({ text: 'What changes', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Ferries every 20 minutes', bullet: { level: 0 } }),
            new Paragraph({ text: 'Buses on the coast road', bullet: { level: 0 } }),
            new Paragraph({
              children: [
                new ImageRun({
                  type: 'png',
                  data: picture,
                  transformation: { width: 400, height: 300 },
                }),
              ],
            }),
            new Paragraph({ text: 'The bridge at dawn. Photo: Jo Smith/Herald' }),
            new Paragraph({ text: 'Repairs start in March.' }),
            new Table({
              rows: [
                new TableRow({ children: [cellOf('Route'), cellOf('Every')] }),
                new TableRow({ children: [cellOf('Ferry'), cellOf('20 min')] }),
              ],
            }),
          ],
        },
      ],
    })
    const { article } = await imported('vote.docx', await Packer.toBuffer(document))
    expect(article).toMatchObject({
      headline: 'Council votes to close the bridge',
      standfirst: 'Ferries will run every 20 minutes.',
      byline: [{ name: 'Ana Lee' }],
    })
    expect(blocks(article, 'paragraph')).toHaveLength(2)
    expect(blocks(article, 'heading')).toEqual([
      expect.objectContaining({ attrs: expect.objectContaining({ level: 2 }) }),
    ])
    expect(blocks(article, 'bulletList')[0]?.content).toHaveLength(2)
    const json = JSON.stringify(article.body)
    expect(json).toContain('"type":"bold"')
    expect(json).toContain('"type":"italic"')
    expect(json).toContain('"href":"https://example.com/vote"')
    const [figure] = figuresOf(article.body)
    expect(figure).toMatchObject({ caption: 'The bridge at dawn', credit: 'Jo Smith/Herald' })
    expect(await services.assets.has(article.id, figure?.src ?? '')).toBe(true)
    const [table] = blocks(article, 'table')
    expect(
      table?.content?.map((row) => row.content?.map((c) => c.content?.[0]?.content?.[0]?.text)),
    ).toEqual([
      ['Route', 'Every'],
      ['Ferry', '20 min'],
    ])
  })

  it('a web page: metadata, semantic markup and figures in; navigation, sharing, related, comments and ads out', async () => {
    const picture = (await makeImage('jpeg', '#225588')).toString('base64')
    const page = `<!doctype html><html><head>
      <title>Bridge closes | The Herald</title>
      <meta property="og:title" content="Bridge closes - The Herald">
      <meta property="og:description" content="Ferries instead.">
      <script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Harbour bridge to close for repairs',
        description: 'Ferries will run every 20 minutes instead.',
        author: [
          { '@type': 'Person', name: 'Ana Lee' },
          { '@type': 'Person', name: 'Sam Roe' },
        ],
        keywords: 'transport, harbour',
      })}</script>
      <script>steal()</script></head><body>
      <nav><a href="/">Home</a><a href="/news">News</a></nav>
      <article>
        <header><h1>Harbour bridge to close</h1><p class="byline">By Ana Lee</p></header>
        <div class="share-buttons"><button>Share</button><a href="#">Facebook</a></div>
        <p>The council voted 7-2 on <b>Tuesday</b>.</p>
        <figure><img src="data:image/jpeg;base64,${picture}" alt="The bridge"><figcaption>The bridge at dawn. <span class="credit">Jo Smith/Herald</span></figcaption></figure>
        <div class="ad-slot">BUY NOW</div>
        <p onclick="steal()">Repairs start in March.</p>
        <img src="https://tracker.example.com/pixel.gif" width="1" height="1">
        <aside class="related-stories"><a href="/other">Other story</a></aside>
        <section class="comments"><p>First!</p></section>
      </article>
      <footer>© The Herald</footer></body></html>`
    const { article } = await imported('page.html', page)
    expect(article).toMatchObject({
      headline: 'Harbour bridge to close for repairs',
      standfirst: 'Ferries will run every 20 minutes instead.',
      // The page's JSON-LD names both writers, where its visible byline names one.
      byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe' }],
      keywords: ['transport', 'harbour'],
    })
    expect(blocks(article, 'paragraph')).toHaveLength(2)
    expect(figuresOf(article.body)).toEqual([
      expect.objectContaining({
        caption: 'The bridge at dawn.',
        credit: 'Jo Smith/Herald',
        alt: 'The bridge',
      }),
    ])
    expect(JSON.stringify(article.body)).not.toMatch(
      /Share|Facebook|BUY NOW|Other story|First!|Home|©|steal|onclick|pixel/,
    )
  })

  it('refuses a text far longer than any story, and makes no article', async () => {
    const paragraph =
      'The council met again on Tuesday to argue about the harbour and its ferries. '
    const book = `The long file\n\n${Array.from({ length: 2_000 }, () => paragraph.repeat(14)).join('\n\n')}\n`
    const result = await services.importer.importBytes('book.txt', Buffer.from(book))
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-file',
        message: expect.stringMatching(
          /^book\.txt cannot be imported: its text is 2,\d{3},\d{3} characters long, and a story can be at most 2,000,000 \(about 330,000 words\)/,
        ),
      },
    })
    const listed = await services.catalog.list()
    expect(listed.ok && listed.value.articles).toEqual([])
  })

  it('plain text copied from a page: headline, standfirst, byline, paragraphs and a caption with its credit', async () => {
    const text = [
      'POLITICS',
      'Council votes to close the harbour bridge',
      'Ferries will run every 20 minutes instead.',
      'By Ana Lee and Sam Roe',
      'Share',
      'The council voted 7-2 on Tuesday to close the bridge.',
      'The closure starts in March and lasts six weeks.',
      'The bridge at dawn. Photo: Jo Smith/Herald',
      'Comments',
      'Ana Lee is a reporter at the Herald covering transport.',
    ].join('\n\n')
    const { article, notes } = await imported('story.txt', text)
    expect(article).toMatchObject({
      headline: 'Council votes to close the harbour bridge',
      standfirst: 'Ferries will run every 20 minutes instead.',
      byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe' }],
    })
    expect(blocks(article, 'paragraph').map((node) => node.content?.[0]?.text)).toEqual([
      'The council voted 7-2 on Tuesday to close the bridge.',
      'The closure starts in March and lasts six weeks.',
    ])
    // The text had the picture's words, not the picture: a figure waits for it.
    expect(blocks(article, 'figure')).toEqual([
      {
        type: 'figure',
        attrs: {
          src: '',
          sourceUrl: '',
          alt: '',
          credit: 'Jo Smith/Herald',
          creator: '',
          copyright: '',
          source: '',
          lead: false,
        },
        content: [{ type: 'text', text: 'The bridge at dawn' }],
      },
    ])
    expect(notes).toEqual([expect.stringContaining('picture 1 was not in the file')])
  })

  it('Markdown with front matter and a picture beside it', async () => {
    writeFileSync(join(temp.path, 'bridge.png'), await makeImage('png', '#117744'))
    const markdown = [
      '---',
      'headline: Bridge closes',
      'standfirst: Ferries instead.',
      'byline: [{ name: Ana Lee, role: Reporter }]',
      'status: filed',
      'keywords: transport, harbour',
      '---',
      '',
      'The council voted **7-2**.',
      '',
      '## What changes',
      '',
      '- Ferries',
      '- Buses',
      '',
      '![The bridge](bridge.png "The bridge at dawn")',
      '',
      '<script>alert(1)</script>Last line.',
    ].join('\n')
    const { article } = await imported('story.md', markdown)
    expect(article).toMatchObject({
      headline: 'Bridge closes',
      standfirst: 'Ferries instead.',
      byline: [{ name: 'Ana Lee', role: 'Reporter' }],
      status: 'filed',
      keywords: ['transport', 'harbour'],
    })
    expect(figuresOf(article.body)).toEqual([
      expect.objectContaining({ caption: 'The bridge at dawn', alt: 'The bridge' }),
    ])
    expect(JSON.stringify(article.body)).not.toContain('script')
    expect(JSON.stringify(article.body)).toContain('Last line.')
  })

  it('our own package comes back as the same story, picture and all (read from its NITF)', async () => {
    const created = await services.library.create({
      headline: 'Bridge closes',
      standfirst: 'Ferries instead.',
      byline: [{ name: 'Ana Lee' }],
      dateline: 'WELLINGTON',
    })
    if (!created.ok) throw new Error(created.error.message)
    const image = await services.assets.importImage(
      created.value.id,
      'b.png',
      await makeImage('png'),
    )
    if (!image.ok) throw new Error(image.error.message)
    const saved = await services.library.save(created.value.id, 1, {
      ...created.value,
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'One.' }] },
          {
            type: 'figure',
            attrs: { src: image.value.src, alt: 'Alt', credit: 'Jo Smith', lead: true },
            content: [{ type: 'text', text: 'The bridge.' }],
          },
          { type: 'paragraph', content: [{ type: 'text', text: 'Two.' }] },
        ],
      },
    })
    if (!saved.ok) throw new Error(saved.error.message)
    // A single NITF file carries no pictures; the package carries them beside its NITF.
    const exported = await services.exporter.export(saved.value, 'package')
    if (!exported.ok) throw new Error(exported.error.message)
    const { article } = await imported('story.zip', Buffer.from(exported.value.content, 'base64'))
    expect(article).toMatchObject({
      headline: 'Bridge closes',
      standfirst: 'Ferries instead.',
      byline: [{ name: 'Ana Lee' }],
      dateline: 'WELLINGTON',
    })
    expect(blocks(article, 'paragraph')).toHaveLength(2)
    expect(figuresOf(article.body)).toEqual([
      expect.objectContaining({
        caption: 'The bridge.',
        credit: 'Jo Smith',
        alt: 'Alt',
        src: image.value.src,
      }),
    ])
  })

  it('a ninjs 2.x item written for the project, with a picture association', async () => {
    const item = {
      uri: 'urn:newsml:example.com:2026:bridge',
      type: 'text',
      headlines: [
        { role: 'main', value: 'Bridge closes' },
        { role: 'sub', value: 'Ferries instead.' },
      ],
      by: 'Ana Lee',
      slugline: 'bridge-closes',
      located: 'WELLINGTON',
      subjects: [{ name: 'transport' }],
      bodies: [
        {
          role: 'main',
          contenttype: 'text/html',
          value: '<p>One.</p><p>Two.</p><script>x()</script>',
        },
      ],
      associations: [
        {
          name: 'featureimage',
          uri: 'urn:example:picture',
          type: 'picture',
          by: 'Jo Smith/Herald',
          descriptions: [{ role: 'caption', value: 'The bridge at dawn.' }],
          renditions: [{ name: 'original', href: 'https://cdn.example.com/bridge.jpg' }],
        },
      ],
    }
    const { article, notes } = await imported('wire.json', JSON.stringify(item))
    expect(article).toMatchObject({
      headline: 'Bridge closes',
      standfirst: 'Ferries instead.',
      byline: [{ name: 'Ana Lee' }],
      slug: 'bridge-closes',
      dateline: 'WELLINGTON',
      keywords: ['transport'],
    })
    expect(blocks(article, 'paragraph').map((node) => node.content?.[0]?.text)).toEqual([
      'One.',
      'Two.',
    ])
    // On the web only: a figure with its words, waiting for the picture file.
    expect(figuresOf(article.body)).toEqual([
      expect.objectContaining({
        src: '',
        sourceUrl: 'https://cdn.example.com/bridge.jpg',
        caption: 'The bridge at dawn.',
        credit: 'Jo Smith/Herald',
      }),
    ])
    expect(notes[0]).toContain('https://cdn.example.com/bridge.jpg')
    expect(notes[0]).toContain('waits for the picture file')
  })

  it.skipIf(!OFFICIAL_SCHEMAS_PRESENT)(
    `every IPTC example item with a body or headline imports${OFFICIAL_SCHEMAS_PRESENT ? '' : ` (skipped: ${OFFICIAL_SCHEMAS_ABSENT_REASON})`}`,
    async () => {
      for (const version of ['2.2', '3.1']) {
        const folder = join(STANDARDS_DIR, 'examples', version)
        for (const name of readdirSync(folder)) {
          const text = readFileSync(join(folder, name), 'utf8')
          const item = JSON.parse(text) as { headlines?: { value: string }[]; by?: string }
          const result = await services.importer.importBytes(name, Buffer.from(text))
          expect(result.ok, `${version}/${name}`).toBe(true)
          if (!result.ok) continue
          const { article } = result.value
          if (item.headlines?.[0])
            expect(article.headline, name).toBe(item.headlines[0].value.trim())
          if (item.by) expect(article.byline.length, name).toBeGreaterThan(0)
        }
      }
      const dpa = await services.importer.importBytes(
        'agency_dpa_text.json',
        readFileSync(join(STANDARDS_DIR, 'examples', '2.2', 'agency_dpa_text.json')),
      )
      expect(dpa.ok && blocks(dpa.value.article, 'paragraph').length).toBeGreaterThan(3)
    },
  )

  // One import reader for all of them: each case is a refusal, and a reader per case would
  // spend most of the test starting threads.
  const BROKEN_FILES: [string, string | Buffer, RegExp][] = [
    ['empty.txt', '', /empty\.txt is empty/],
    ['report.pdf', '%PDF-1.7', /report\.pdf is not a file Copydesk can import/],
    ['broken.xml', '<nitf><body>', /broken\.xml cannot be imported: it is not well-formed XML/],
    [
      'bomb.xml',
      '<!DOCTYPE n [<!ENTITY a "aaaa">]><nitf>&a;</nitf>',
      /bomb\.xml cannot be imported: it declares XML entities/,
    ],
    ['broken.json', '{"uri": ', /broken\.json cannot be imported: it is not valid JSON/],
    ['list.json', '[1, 2]', /list\.json cannot be imported: it is not a ninjs item/],
    ['fake.docx', 'not a zip at all', /fake\.docx cannot be imported: it is not a Word document/],
    [
      'latin1.txt',
      Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f]),
      /latin1\.txt cannot be imported: line 1 holds bytes that are not UTF-8/,
    ],
    [
      'bad.md',
      '---\nstatus: nonsense\n---\nText',
      /bad\.md cannot be imported: its front matter has an invalid status/,
    ],
  ]

  it('refuses each broken file with a reason that names it, and leaves the library as it was', async () => {
    for (const [name, content, reason] of BROKEN_FILES) {
      const before = await articleCount()
      writeFileSync(join(temp.path, name), content)
      const result = await services.importer.importFile(join(temp.path, name))
      expect(result, name).toMatchObject({
        ok: false,
        error: { kind: 'invalid-file', message: expect.stringMatching(reason) },
      })
      expect(await articleCount(), name).toBe(before)
      const leftovers = existsSync(services.library.root) ? readdirSync(services.library.root) : []
      expect(
        leftovers.filter((entry) => entry.startsWith('.incoming')),
        name,
      ).toEqual([])
    }
  })

  it('refuses a file over 50 MB before reading it', async () => {
    const result = await services.importer.importBytes(
      'huge.txt',
      new Uint8Array(50 * 1024 * 1024 + 1),
    )
    expect(result).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/huge\.txt is 50\.0 MB; files to import can be at most 50/),
      },
    })
  })
})

describe('a page pasted from a browser', SLOW, () => {
  const sentence = (topic: string) =>
    `The council met on Tuesday to talk about ${topic}, and residents, engineers and the ferry operator each had a great deal to say about the timetable and the fares.`

  it('is read as an imported web page, with its pictures as words and addresses, and nothing written', async () => {
    // What a browser puts on the clipboard for Select All: the page's body, no head, no title.
    const html = `<html><body><!--StartFragment--><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <main><article><h1>Harbour bridge to close for three months</h1>
      <p class="byline">By Ana Lee</p>
      ${['the bridge', 'the ferries', 'the fares', 'the detours'].map((topic) => `<p>${sentence(topic)}</p>`).join('')}
      <figure><img src="https://pictures.example/bridge.jpg" alt="The bridge at dawn"><figcaption>The bridge at dawn. Photo: Jo Smith</figcaption></figure>
      <figure><img src="data:image/png;base64,${Buffer.from(await makeImage('png')).toString('base64')}" alt="A map"><figcaption>The detour</figcaption></figure>
      <p>${sentence('the reopening')}</p></article></main>
      <footer>Subscribe to our newsletter</footer><!--EndFragment--></body></html>`
    const before = await articleCount()
    const read = await services.importer.readPage(html)
    if (!read.ok) throw new Error(read.error.message)
    expect(read.value.headline).toBe('Harbour bridge to close for three months')
    expect(read.value.byline.map((entry) => entry.name)).toEqual(['Ana Lee'])
    expect(read.value.bodyHtml).toContain(sentence('the reopening'))
    expect(read.value.bodyHtml).not.toMatch(/Subscribe|Home/)
    expect(read.value.pictures.map(({ url, alt }) => ({ url, alt }))).toEqual([
      { url: 'https://pictures.example/bridge.jpg', alt: 'The bridge at dawn' },
      expect.objectContaining({ alt: 'A map' }),
    ])
    expect(read.value.pictures.some((picture) => 'bytes' in picture || 'path' in picture)).toBe(
      false,
    )
    expect(await articleCount()).toBe(before)
  })
})

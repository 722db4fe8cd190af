import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ZipFile } from 'yazl'
import { ARTICLE_FILE } from '../library/library-store'
import { dispatch } from '../../../shared/ipc/dispatch'
import { Importer } from './importer'
import type { NodeServices } from '../platform/node-services'
import { makeImage } from '../testing/test-images'
import {
  createTempServices,
  listLibrary,
  makeTempDir,
  snapshotFiles,
} from '../testing/test-support'
import { ARCHIVE_LIMITS } from './archive-limits'
import { IMPORT_READER_SCRIPT, ImportWorker } from './import-worker-client'
import { STALLED_READER_SCRIPT } from './test-stalled-reader-script'
import { MAX_LINE_CHARACTERS } from './decode-text'

const SLOW = { timeout: 120_000 }

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let incoming: string
let outside: string
let outsideBefore: Record<string, string>
let articlesBefore: number

async function articleCount(): Promise<number> {
  const listing = await listLibrary(services.library.root)
  return listing.ok ? listing.value.articles.length : -1
}

beforeAll(async () => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  incoming = join(temp.path, 'incoming')
  outside = join(temp.path, 'outside')
  mkdirSync(incoming)
  mkdirSync(outside)
  writeFileSync(join(outside, 'secret.png'), await makeImage('png', '#ff0000'))
  writeFileSync(join(outside, 'notes.txt'), 'SECRET-NOTES must not be read or changed')
  await services.library.create({ headline: 'Already here' })
})
afterAll(async () => {
  await services.importer.close()
  await temp.remove()
})
beforeEach(async () => {
  outsideBefore = snapshotFiles(outside)
  articlesBefore = await articleCount()
})
/** What the test folder may hold: the test's own folders, and the services' library and settings. */
const EXPECTED_TOP_LEVEL = new Set(['incoming', 'library', 'outside', 'config'])

// Whatever a hostile file tried, nothing outside the library was written or changed.
afterEach(() => {
  expect(snapshotFiles(outside)).toEqual(outsideBefore)
  expect(readdirSync(temp.path).filter((name) => !EXPECTED_TOP_LEVEL.has(name))).toEqual([])
})

async function importFile(fileName: string, content: string | Uint8Array, importer?: Importer) {
  const path = join(incoming, fileName)
  writeFileSync(path, content)
  return (importer ?? services.importer).importFile(path)
}

/** The import failed with this reason, and the library holds what it held before. */
async function expectRefused(
  result: Awaited<ReturnType<typeof importFile>>,
  reason: RegExp,
): Promise<void> {
  expect(result).toMatchObject({
    ok: false,
    error: { kind: 'invalid-file', message: expect.stringMatching(reason) },
  })
  expect(await articleCount()).toBe(articlesBefore)
}

interface ZipInput {
  path: string
  bytes: Buffer
  mode?: number
  compress?: boolean
}

function zipOf(entries: ZipInput[]): Promise<Buffer> {
  const zip = new ZipFile()
  for (const { path, bytes, mode, compress } of entries) {
    zip.addBuffer(bytes, path, { mode: mode ?? 0o100644, compress: compress ?? true })
  }
  zip.end()
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** A crafted archive: every occurrence of one name replaced by another of the same length. */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  expect(to).toHaveLength(from.length)
  return Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1')
}

/** A crafted archive: the central directory declares `size` unpacked bytes for every entry. */
function declaringSize(zip: Buffer, size: number): Buffer {
  const patched = Buffer.from(zip)
  for (
    let at = patched.indexOf('PK\u0001\u0002');
    at >= 0;
    at = patched.indexOf('PK\u0001\u0002', at + 4)
  )
    patched.writeUInt32LE(size, at + 24)
  return patched
}

/**
 * Deeper than any recursive reader's stack goes (about ten thousand frames) many times over; the
 * depth measure itself is proved on a million levels in nesting-depth.test.ts.
 */
const PAST_ANY_STACK = 100_000

describe('archives', SLOW, () => {
  it('an exported package comes back as the same story, with its picture', async () => {
    const created = await services.library.create({
      headline: 'Harbour bridge to close',
      byline: [{ name: 'Ana Lee' }],
    })
    if (!created.ok) throw new Error(created.error.message)
    const image = await services.assets.importImage(
      created.value.id,
      'bridge.jpg',
      await makeImage('jpeg', '#2255aa', { width: 1600, height: 1000 }),
    )
    if (!image.ok) throw new Error(image.error.message)
    const article = {
      ...created.value,
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Ferries will run instead.' }] },
          {
            type: 'figure',
            attrs: { src: image.value.src, alt: 'The bridge', credit: 'Jo Smith' },
            content: [{ type: 'text', text: 'The bridge at dawn.' }],
          },
        ],
      },
    }
    const exported = await services.exporter.export(article, 'package')
    if (!exported.ok) throw new Error(exported.error.message)
    const before = await articleCount()
    const result = await importFile('bridge.zip', Buffer.from(exported.value.content, 'base64'))
    if (!result.ok) throw new Error(result.error.message)
    const { article: imported, notes, format } = result.value
    expect(format).toBe('package')
    expect(notes[0]).toMatch(/article\.nitf\.xml in bridge\.zip/)
    expect(imported.headline).toBe('Harbour bridge to close')
    const figure = imported.body.content?.find((node) => node.type === 'figure')
    expect(figure?.attrs).toMatchObject({ alt: 'The bridge', credit: 'Jo Smith' })
    expect(await services.assets.read(imported.id, String(figure?.attrs?.src))).toMatchObject({
      ok: true,
    })
    expect(await articleCount()).toBe(before + 1)
  })

  it('refuses an archive bomb, as a package and as a Word document', async () => {
    const bomb = await zipOf([{ path: 'article.md', bytes: Buffer.alloc(64 * 1024 * 1024) }])
    expect(bomb.byteLength).toBeLessThan(1024 * 1024)
    await expectRefused(
      await importFile('bomb.zip', bomb),
      /compressed \d+ to 1, as only archive bombs/,
    )
    await expectRefused(await importFile('bomb.docx', bomb), /compressed \d+ to 1/)
  })

  it('refuses an archive whose entries declare more than the unpacked limit', async () => {
    const entries = Array.from({ length: 30 }, (_, index) => ({
      path: `part-${index}.txt`,
      bytes: randomBytes(64 * 1024),
    }))
    const zip = declaringSize(await zipOf(entries), 10 * 1024 * 1024)
    await expectRefused(
      await importFile('large.zip', zip),
      new RegExp(`unpack to more than ${ARCHIVE_LIMITS.unpackedBytes / 1024 / 1024}(\\.0)? MB`),
    )
  })

  it('refuses an entry that inflates past the size its header declares', async () => {
    const zip = declaringSize(
      await zipOf([{ path: 'article.txt', bytes: Buffer.from('word '.repeat(100_000)) }]),
      1_000,
    )
    await expectRefused(await importFile('liar.zip', zip), /entry "article\.txt" cannot be read/)
  })

  it.each([
    ['xx/evil.md', '../evil.md', /climbs out with "\.\."/],
    ['Xoutside/notes.md', '/outside/notes.md', /absolute path/],
    ['C-evil.md', 'C:evil.md', /absolute path/],
    ['a_b.md', 'a\\b.md', /backslashes/],
  ])('refuses an entry named %s crafted into %s', async (safe, crafted, reason) => {
    const zip = renamed(
      await zipOf([{ path: safe, bytes: Buffer.from('# Escaped\n\nText.') }]),
      safe,
      crafted,
    )
    await expectRefused(await importFile('traversal.zip', zip), reason)
    expect(existsSync(join(temp.path, 'evil.md'))).toBe(false)
  })

  it('refuses symbolic links and archives with too many entries', async () => {
    const link = await zipOf([
      { path: 'article.md', bytes: Buffer.from('../outside/notes.txt'), mode: 0o120777 },
    ])
    await expectRefused(await importFile('link.zip', link), /"article\.md" is a symbolic link/)
    const many = await zipOf(
      Array.from({ length: ARCHIVE_LIMITS.entries + 1 }, (_, index) => ({
        path: `n/${index}.txt`,
        bytes: Buffer.from('x'),
        compress: false,
      })),
    )
    await expectRefused(
      await importFile('many.zip', many),
      /holds 5001 files; archives can hold at most 5000/,
    )
  })
})

describe('asset names', () => {
  it.each(['../../outside/evil.png', '/etc/evil.png', '..\\..\\evil.png', 'assets/../../evil.png'])(
    'an image named %s is stored under its checksum inside assets/',
    async (fileName) => {
      const created = await services.library.create({ headline: 'Pictures' })
      if (!created.ok) throw new Error(created.error.message)
      const stored = await services.assets.importImage(
        created.value.id,
        fileName,
        await makeImage('png'),
      )
      expect(stored).toMatchObject({
        ok: true,
        value: { src: expect.stringMatching(/^assets\/[0-9a-f]{32}\.png$/) },
      })
      expect(existsSync(join(temp.path, 'evil.png'))).toBe(false)
      articlesBefore = await articleCount()
    },
  )
})

describe('XML', SLOW, () => {
  it('refuses entity expansion (billion laughs) and external entities', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><nitf><body><body.content><p>&lol2;</p></body.content></body></nitf>`
    await expectRefused(await importFile('laughs.xml', laughs), /declares XML entities/)
    const external = `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY notes SYSTEM "file://${join(outside, 'notes.txt')}">]><nitf><body><body.content><p>&notes;</p></body.content></body></nitf>`
    await expectRefused(await importFile('external.xml', external), /declares XML entities/)
  })

  it('never fetches an external DTD, and never reads the file it names', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "file://${join(outside, 'notes.txt')}"><nitf><body><body.head><hedline><hl1>Plain</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>`
    const result = await importFile('dtd.xml', xml)
    expect(JSON.stringify(result)).not.toContain('SECRET-NOTES')
  })
})

describe('structure built to break readers', SLOW, () => {
  it('refuses web pages and Markdown nested deeper than any story', async () => {
    await expectRefused(
      await importFile('deep.html', `<html><body>${'<div>'.repeat(50_000)}x</body></html>`),
      /nested too deeply/,
    )
    await expectRefused(
      await importFile('deep.md', `${'>'.repeat(19_000)} x\n`),
      /nested too deeply/,
    )
  })

  it('lists an article file nested far past any stack as damaged, and leaves it untouched', async () => {
    const created = await services.library.create({ headline: 'Nested' })
    if (!created.ok) throw new Error(created.error.message)
    const folder = readdirSync(services.library.root).find((name) => name.startsWith('nested-'))
    const file = join(services.library.root, String(folder), ARTICLE_FILE)
    // Written as text: a value this deep cannot even be built by JSON.stringify.
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    const depth = PAST_ANY_STACK
    const hostile = JSON.stringify({ ...stored, body: 'BODY' }).replace(
      '"BODY"',
      `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}${']}'.repeat(depth)}]}`,
    )
    writeFileSync(file, hostile)
    const listing = await listLibrary(services.library.root)
    expect(listing.ok && listing.value.damaged).toContainEqual({
      folder,
      reason: expect.stringMatching(/nested more than 128 levels deep/),
    })
    expect(readFileSync(file, 'utf8')).toBe(hostile)
    articlesBefore = await articleCount()
  })

  it('answers a save nested far past any stack with a typed error', async () => {
    let body: unknown = { type: 'text', text: 'x' }
    for (let level = 0; level < PAST_ANY_STACK; level++)
      body = { type: 'blockquote', content: [body] }
    const article = (await listLibrary(services.library.root)).ok
      ? await services.library.create({})
      : undefined
    if (!article?.ok) throw new Error('no article')
    const answer = await dispatch(services, 'article:save', {
      id: article.value.id,
      baseRevision: 1,
      fields: { ...article.value, body: { type: 'doc', content: [body] } },
    })
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/nested more than 256/) },
    })
    // As the editor sends a body: JSON text, parsed only once it has crossed.
    const asText = await dispatch(services, 'article:save', {
      id: article.value.id,
      baseRevision: 1,
      fields: {
        ...article.value,
        body: `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(PAST_ANY_STACK)}{"type":"text","text":"x"}${']}'.repeat(PAST_ANY_STACK)}]}`,
      },
    })
    expect(asText).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/nested more than 128/) },
    })
    articlesBefore = await articleCount()
  })

  it('refuses lines longer than any paragraph, naming the line', async () => {
    const line = 'word '.repeat(200_000)
    for (const name of ['long.md', 'long.txt']) {
      await expectRefused(
        await importFile(name, `Headline\n\n${line}\n`),
        new RegExp(
          `line 3 is 1,000,000 characters long; lines can be at most ${MAX_LINE_CHARACTERS.toLocaleString('en')}`,
        ),
      )
    }
  })

  it('reads a copied page whose list of readers runs to 60,000 characters on one line', async () => {
    const readers = Array.from({ length: 6000 }, (_, index) => `reader${index}`).join(', ')
    const result = await importFile(
      'copied.txt',
      `Bridge to close\n\nThe council voted to close the bridge for repairs.\n\n${readers}\n`,
    )
    expect(result).toMatchObject({ ok: true })
  })

  it('refuses bytes that are not UTF-8, naming the line; reads a declared Latin-1 NITF', async () => {
    const broken = Buffer.concat([
      Buffer.from('# Title\n\nFine.\n\nBad '),
      Buffer.from([0xc3, 0x28]),
    ])
    await expectRefused(
      await importFile('broken.md', broken),
      /line 5 holds bytes that are not UTF-8/,
    )
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><nitf><body><body.head><hedline><hl1>Zoë wins in Málaga</hl1></hedline></body.head><body.content><p>Café.</p></body.content></body></nitf>',
      'latin1',
    )
    const result = await importFile('latin1.xml', latin1)
    expect(result.ok && result.value.article.headline).toBe('Zoë wins in Málaga')
    articlesBefore = await articleCount()
  })

  it('stops a reader that a file stalls, and the next import works', async () => {
    // The first reader never answers, as a parser a file has caught in a loop would not; only
    // the time limit can end it, so the refusal naming the limit is the proof.
    const scripts = [STALLED_READER_SCRIPT, IMPORT_READER_SCRIPT]
    const importer = new Importer(
      services.library,
      () =>
        new ImportWorker(
          { seconds: 2, memoryMegabytes: 1_536 },
          scripts.shift() ?? IMPORT_READER_SCRIPT,
        ),
    )
    await expectRefused(
      await importFile('stall.md', '# Slow\n\nText.\n', importer),
      /took more than 2 s, so it was stopped/,
    )
    const next = await importFile('fine.md', '# Fine\n\nText.\n', importer)
    expect(next).toMatchObject({ ok: true })
    await importer.close()
    articlesBefore = await articleCount()
  })
})

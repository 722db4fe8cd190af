import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeServices } from './node-services'
import { filesFromArgv, openFile } from './opened-files'
import { createTempServices, makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let elsewhere: string

beforeAll(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  elsewhere = join(temp.path, 'desktop')
  mkdirSync(elsewhere)
})
afterAll(async () => {
  await services.importer.close()
  await temp.remove()
})

async function folderOf(id: string): Promise<string> {
  const folder = await services.library.folderOf(id)
  if (!folder.ok) throw new Error(folder.error.message)
  return folder.value
}

describe('files the OS opens with Copydesk', () => {
  it('opens an article of the library as it is', async () => {
    const created = await services.library.create({ headline: 'In the library' })
    if (!created.ok) throw new Error(created.error.message)
    const path = join(await folderOf(created.value.id), 'article.json')
    expect(await openFile(path, services)).toEqual({
      path,
      opened: { id: created.value.id, notes: [] },
    })
  })

  it('copies an article folder from elsewhere into the library, as a new article', async () => {
    const created = await services.library.create({ headline: 'From a colleague' })
    if (!created.ok) throw new Error(created.error.message)
    const copied = join(elsewhere, 'shared-story')
    cpSync(await folderOf(created.value.id), copied, { recursive: true })
    const result = await openFile(join(copied, 'article.json'), services)
    if (!('opened' in result)) throw new Error(result.problem)
    expect(result.opened.id).not.toBe(created.value.id)
    expect(result.opened.notes[0]).toMatch(/Copied into the library from .*shared-story/)
    const opened = await services.library.open(result.opened.id)
    expect(opened.ok && opened.value.headline).toBe('From a colleague')
  })

  it.each([
    ['story.md', '# Imported from Markdown\n\nText.\n', 'Imported from Markdown'],
    ['wire.txt', 'Imported from text\n\nText.\n', 'Imported from text'],
    [
      'page.html',
      '<html><head><title>Imported page</title></head><body><h1>Imported page</h1><p>Text.</p></body></html>',
      'Imported page',
    ],
    [
      'item.json',
      JSON.stringify({
        uri: 'urn:x',
        type: 'text',
        headline: 'Imported ninjs',
        body_text: 'Text.',
      }),
      'Imported ninjs',
    ],
    [
      'wire.xml',
      '<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>Imported NITF</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>',
      'Imported NITF',
    ],
  ])('imports %s and opens the new article', async (name, content, headline) => {
    const path = join(elsewhere, name)
    writeFileSync(path, content)
    const result = await openFile(path, services)
    if (!('opened' in result)) throw new Error(result.problem)
    const opened = await services.library.open(result.opened.id)
    expect(opened.ok && opened.value.headline).toBe(headline)
  })

  it('answers with the reason for a file it does not open, or a damaged article', async () => {
    const image = join(elsewhere, 'photo.psd')
    writeFileSync(image, 'x')
    expect(await openFile(image, services)).toEqual({
      path: image,
      problem: 'photo.psd is not a file Copydesk opens.',
    })
    const damaged = join(elsewhere, 'broken')
    mkdirSync(damaged)
    writeFileSync(join(damaged, 'article.json'), '{"headline": ')
    expect(await openFile(join(damaged, 'article.json'), services)).toMatchObject({
      problem: expect.stringMatching(/not valid JSON/),
    })
  })

  it('finds the files on a command line, skipping the executable and flags', async () => {
    const story = join(elsewhere, 'story.md')
    expect(
      await filesFromArgv(
        ['/opt/Copydesk/copydesk', '--library', elsewhere, story, '--no-sandbox', 'missing.md'],
        elsewhere,
      ),
    ).toEqual([story])
    expect(await filesFromArgv(['copydesk', 'story.md'], elsewhere)).toEqual([story])
  })
})

import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fieldsOf } from '../../../shared/article'
import { LibraryStore } from './library-store'
import type { NodeServices } from '../platform/node-services'
import { RecoveryJournal } from './recovery-journal'
import { createTempServices, makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let journal: RecoveryJournal
let dir: string

beforeEach(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  dir = join(temp.path, 'recovery')
  journal = new RecoveryJournal(dir, services.library)
})
afterEach(() => temp.remove())

async function article(headline: string) {
  const created = await services.library.create({ headline })
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

describe('the recovery journal', () => {
  it('offers unsaved edits back, and forgets edits that were saved after all', async () => {
    const edited = await article('Draft')
    const saved = await article('Saved since')
    await journal.write({
      articleId: edited.id,
      baseRevision: 1,
      fields: { ...fieldsOf(edited), standfirst: 'Typed, never saved.' },
    })
    await journal.write({ articleId: saved.id, baseRevision: 1, fields: fieldsOf(saved) })
    const offers = await journal.offers()
    expect(offers).toMatchObject({
      ok: true,
      value: [
        {
          articleId: edited.id,
          fields: { standfirst: 'Typed, never saved.' },
          saved: { headline: 'Draft', revision: 1 },
        },
      ],
    })
    const left = readdirSync(dir, { recursive: true }) as string[]
    expect(left.filter((name) => name.endsWith(`${saved.id}.json`))).toEqual([])
    expect(left.filter((name) => name.endsWith(`${edited.id}.json`))).toHaveLength(1)
  })

  it('offers edits to an article that has gone, without a saved version', async () => {
    const gone = await article('Gone')
    await journal.write({ articleId: gone.id, baseRevision: 1, fields: fieldsOf(gone) })
    await services.library.trash(gone.id)
    const offers = await journal.offers()
    expect(offers.ok && offers.value.map((offer) => [offer.articleId, offer.saved])).toEqual([
      [gone.id, undefined],
    ])
  })

  it('leaves a damaged journal on disk, untouched, and offers nothing from it', async () => {
    mkdirSync(dir, { recursive: true })
    const damaged = join(dir, '0d2c3a4b-1111-4222-8333-444455556666.json')
    writeFileSync(damaged, '{"articleId": ')
    expect(await journal.offers()).toEqual({ ok: true, value: [] })
    expect(existsSync(damaged)).toBe(true)
  })

  it('clearing removes the journal; clearing twice is fine', async () => {
    const draft = await article('Draft')
    await journal.write({
      articleId: draft.id,
      baseRevision: 1,
      fields: { ...fieldsOf(draft), headline: 'X' },
    })
    await journal.clear(draft.id)
    await journal.clear(draft.id)
    expect(await journal.offers()).toEqual({ ok: true, value: [] })
  })
})

describe('the recovery journal with more than one library', () => {
  let other: LibraryStore
  let otherJournal: RecoveryJournal

  beforeEach(() => {
    other = new LibraryStore(join(temp.path, 'other library'))
    otherJournal = new RecoveryJournal(dir, other)
  })

  /** Every file under the journal folder with its content, to prove nothing was touched. */
  const journalFiles = () =>
    Object.fromEntries(
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((name) => name.endsWith('.json'))
        .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
    )

  it("offers a library only its own stories, leaving the other library's on disk", async () => {
    const draft = await article('Bridge closes')
    await journal.write({
      articleId: draft.id,
      baseRevision: 1,
      fields: { ...fieldsOf(draft), standfirst: 'Typed in the first library.' },
    })
    const before = journalFiles()
    expect(Object.keys(before)).toHaveLength(1)

    expect(await otherJournal.offers()).toEqual({ ok: true, value: [] })
    expect(journalFiles()).toEqual(before)
    expect(await journal.offers()).toMatchObject({
      ok: true,
      value: [{ articleId: draft.id, fields: { standfirst: 'Typed in the first library.' } }],
    })
  })

  it('keeps each library its own journal of the same story, and clears only its own', async () => {
    const draft = await article('Copied library')
    await journal.write({
      articleId: draft.id,
      baseRevision: 1,
      fields: { ...fieldsOf(draft), standfirst: 'First' },
    })
    await otherJournal.write({
      articleId: draft.id,
      baseRevision: 1,
      fields: { ...fieldsOf(draft), standfirst: 'Second' },
    })
    await otherJournal.clear(draft.id)
    expect(await journal.offers()).toMatchObject({
      ok: true,
      value: [{ articleId: draft.id, fields: { standfirst: 'First' } }],
    })
  })

  it('finds its journal when the same library is reached by another path', async () => {
    const draft = await article('Linked')
    await journal.write({
      articleId: draft.id,
      baseRevision: 1,
      fields: { ...fieldsOf(draft), standfirst: 'Through a link' },
    })
    const link = join(temp.path, 'link to library')
    symlinkSync(services.library.root, link, 'dir')
    const linked = new RecoveryJournal(dir, new LibraryStore(link))
    expect(await linked.offers()).toMatchObject({
      ok: true,
      value: [{ articleId: draft.id, fields: { standfirst: 'Through a link' } }],
    })
  })

  it('offers an entry from before journals were kept per library only where its story is', async () => {
    const mine = await article('Written before the upgrade')
    const elsewhere = '7a1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f71'
    mkdirSync(dir, { recursive: true })
    const legacy = (articleId: string, standfirst: string) =>
      JSON.stringify({
        articleId,
        baseRevision: 1,
        journaledAt: '2026-11-28T10:00:00.000Z',
        fields: { ...fieldsOf(mine), standfirst },
      })
    writeFileSync(join(dir, `${mine.id}.json`), legacy(mine.id, 'Old layout, this library'))
    writeFileSync(join(dir, `${elsewhere}.json`), legacy(elsewhere, 'Old layout, another library'))
    const before = journalFiles()

    expect(await otherJournal.offers()).toEqual({ ok: true, value: [] })
    expect(journalFiles()).toEqual(before)
    const offers = await journal.offers()
    expect(offers.ok && offers.value.map((offer) => offer.fields.standfirst)).toEqual([
      'Old layout, this library',
    ])
    expect(await journal.entry(mine.id)).toMatchObject({
      ok: true,
      value: { fields: { standfirst: 'Old layout, this library' } },
    })

    await journal.clear(mine.id)
    expect(existsSync(join(dir, `${mine.id}.json`))).toBe(false)
    expect(existsSync(join(dir, `${elsewhere}.json`))).toBe(true)
    expect(await journal.offers()).toEqual({ ok: true, value: [] })
  })
})

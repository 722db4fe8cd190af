import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fieldsOf } from '../../shared/article'
import type { NodeServices } from './node-services'
import { RecoveryJournal } from './recovery-journal'
import { createTempServices, makeTempDir } from './test-support'

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
    expect(existsSync(join(dir, `${saved.id}.json`))).toBe(false)
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

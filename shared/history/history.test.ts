import { describe, expect, it } from 'vitest'
import { allowedNextStatuses, createArticle, statusChangeProblem } from '../article'
import { diffArticles, diffWords } from './word-diff'
import { versionId, VersionIdSchema } from './version'

describe('status workflow', () => {
  it('moves one step forward or back', () => {
    expect(allowedNextStatuses('draft')).toEqual(['draft', 'filed'])
    expect(allowedNextStatuses('subbed')).toEqual(['filed', 'subbed', 'ready'])
    expect(statusChangeProblem('ready', 'published')).toBeUndefined()
    expect(statusChangeProblem('draft', 'published')).toMatch(/cannot go from draft to published/)
  })
})

describe('word diff', () => {
  it('marks changed words, not whole lines', () => {
    expect(diffWords('The council met on Tuesday.', 'The council met on Wednesday.')).toEqual([
      { kind: 'same', text: 'The council met on ' },
      { kind: 'removed', text: 'Tuesday' },
      { kind: 'added', text: 'Wednesday' },
      { kind: 'same', text: '.' },
    ])
  })

  it('compares two articles field by field', () => {
    const id = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
    const before = createArticle({ headline: 'Rates rise', standfirst: 'By 4%.' }, id, new Date())
    const after = { ...before, headline: 'Rates rise again', status: 'filed' as const }
    const changed = diffArticles(before, after).filter((field) => field.changed)
    expect(changed.map((field) => field.field)).toEqual(['headline', 'status'])
    expect(changed[0]?.parts).toEqual([
      { kind: 'same', text: 'Rates rise' },
      { kind: 'added', text: ' again' },
    ])
  })
})

describe('version ids', () => {
  it('name the time and revision, and sort by time', () => {
    const id = versionId(new Date('2026-11-29T03:10:00.123Z'), 5)
    expect(id).toBe('20261129T031000123Z-r5')
    expect(VersionIdSchema.safeParse(id).success).toBe(true)
    expect(VersionIdSchema.safeParse('../../article').success).toBe(false)
  })
})

import { describe, expect, it, vi } from 'vitest'
import { createArticle } from '../../../shared/article'

vi.mock('../api/client', () => ({ client: { invoke: vi.fn(), on: () => () => undefined } }))

const { detailsFromForm, formFromArticle, formWithDetails } = await import('./article-form')

const ID = '0f8e2c8a-7d1b-4c55-9d0e-2a4b6c8d0e1f'
const article = createArticle(
  { headline: 'Harbour bridge to close', byline: [{ name: 'Ana Lee' }], keywords: ['bridge'] },
  ID,
  new Date('2026-12-06T08:00:00.000Z'),
)

describe('the form of a shared story, as others change it', () => {
  it('takes what others changed', () => {
    const form = formFromArticle(article)
    const theirs = {
      ...detailsFromForm(form),
      dateline: 'HULL',
      byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe', role: 'Additional reporting' }],
      keywords: ['bridge', 'ferries'],
      suggestions: [],
      sources: [],
      quotes: [],
    }
    const next = formWithDetails(form, theirs)
    expect(next.dateline).toBe('HULL')
    expect(next.keywordsText).toBe('bridge, ferries')
    expect(next.byline).toEqual([
      { name: 'Ana Lee', role: '' },
      { name: 'Sam Roe', role: 'Additional reporting' },
    ])
    expect(next.headline).toBe(form.headline)
  })

  it('leaves alone what is typed the way it is stored: a blank byline row, a trailing comma', () => {
    const form = {
      ...formFromArticle(article),
      byline: [
        { name: 'Ana Lee', role: '' },
        { name: '', role: '' },
      ],
      keywordsText: 'bridge, ',
    }
    const same = { ...detailsFromForm(form), suggestions: [] }
    expect(formWithDetails(form, same)).toBe(form)
  })
})

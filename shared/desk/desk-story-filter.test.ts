import { describe, expect, it } from 'vitest'
import { filterDeskStories } from './desk-story-filter'
import type { DeskStory } from './desk-story-list'

const story = (input: Partial<DeskStory>): DeskStory => ({
  id: '6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  headline: 'Harbour bridge vote',
  status: 'draft',
  updatedAt: '2026-03-04T10:00:00.000Z',
  present: [],
  ...input,
})

const bridge = story({ headline: 'Harbour bridge vote', updatedBy: 'Ana Lee' })
const ferry = story({
  headline: 'Ferry strike called off in Montréal',
  status: 'filed',
  updatedAt: '2026-05-01T08:00:00.000Z',
  present: ['Sam Roe'],
})
const both = [bridge, ferry]
const headlines = (filter: Parameters<typeof filterDeskStories>[1]) =>
  filterDeskStories(both, filter).map(({ story }) => story.headline)

describe('the desk’s stories under the library’s search box', () => {
  it('lists every story when nothing is typed', () => {
    expect(headlines({ text: '' })).toEqual([bridge.headline, ferry.headline])
  })

  it('finds words as they are typed, any case or accent, and says which to highlight', () => {
    expect(headlines({ text: 'harb' })).toEqual([bridge.headline])
    expect(headlines({ text: 'MONTREAL strike' })).toEqual([ferry.headline])
    expect(filterDeskStories(both, { text: 'montr' })[0]?.terms).toEqual(['montreal'])
    expect(headlines({ text: 'harbour ferry' })).toEqual([])
  })

  it('finds a story by who changed it last or who is in it', () => {
    expect(headlines({ text: 'ana' })).toEqual([bridge.headline])
    expect(headlines({ text: 'roe' })).toEqual([ferry.headline])
  })

  it('filters by status and by the day of the last change', () => {
    expect(headlines({ text: '', status: ['filed'] })).toEqual([ferry.headline])
    expect(headlines({ text: '', updatedFrom: '2026-04-01' })).toEqual([ferry.headline])
    expect(headlines({ text: '', updatedTo: '2026-03-04' })).toEqual([bridge.headline])
  })
})

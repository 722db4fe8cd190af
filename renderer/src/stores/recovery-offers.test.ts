import { describe, expect, it, vi } from 'vitest'
import type { RecoveryOffer } from '../../../shared/library/recovery-offer'
import { fromEarlier, previewLines } from './recovery-offers'

vi.mock('../api/client', () => ({ client: { invoke: vi.fn(), on: vi.fn() } }))

describe('previewLines', () => {
  it('keeps paragraphs apart instead of running them together', () => {
    expect(previewLines('First paragraph.\nSecond paragraph.', 400)).toEqual([
      'First paragraph.',
      'Second paragraph.',
    ])
  })

  it('skips empty blocks', () => {
    expect(previewLines('One.\n\n \nTwo.', 400)).toEqual(['One.', 'Two.'])
  })

  it('cuts after the limit, counting every line, and says so', () => {
    expect(previewLines('abcdef\nghijkl\nmnop', 9)).toEqual(['abcdef', 'ghi…'])
    expect(previewLines('abcdef\nghi', 9)).toEqual(['abcdef', 'ghi'])
    expect(previewLines('abcdef\nghi\nmore', 9)).toEqual(['abcdef', 'ghi…'])
  })
})

describe('fromEarlier', () => {
  const offer = (articleId: string, journaledAt: string) =>
    ({ articleId, journaledAt }) as unknown as RecoveryOffer
  it('leaves out edits journaled since the page started: a live session’s, not a lost one’s', () => {
    const started = Date.parse('2026-03-02T10:00:00.000Z')
    const earlier = offer('a', '2026-03-02T09:59:59.000Z')
    const sinceStart = offer('b', '2026-03-02T10:00:03.000Z')
    expect(fromEarlier([earlier, sinceStart], started)).toEqual([earlier])
  })
})

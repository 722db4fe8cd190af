import { describe, expect, it } from 'vitest'
import { setParagraph, SOFT_HYPHEN, type Measure } from './line-breaker'

/** Every character one unit wide: lines can be counted by hand. */
const mono: Measure = { width: (text) => text.length, space: 1, hyphen: 1 }

describe('lines set first fit', () => {
  it('fills each line with the words that fit, in order', () => {
    expect(setParagraph('the bridge will close on Monday', 12, mono).lines).toEqual([
      'the bridge',
      'will close',
      'on Monday',
    ])
  })

  it('breaks a word at a hyphenation point, with a hyphen, where the whole word does not fit', () => {
    const text = `ferries run every hour until repairs are ${['com', 'plet', 'ed'].join(SOFT_HYPHEN)}`
    expect(setParagraph(text, 20, mono).lines).toEqual([
      'ferries run every',
      'hour until repairs',
      'are completed',
    ])
    expect(setParagraph(text, 24, mono).lines).toEqual([
      'ferries run every hour',
      'until repairs are com-',
      'pleted',
    ])
  })

  it('flags a last line of one short word as a widow, and not a long one', () => {
    expect(setParagraph('the council voted on it', 20, mono)).toMatchObject({ widow: true })
    expect(setParagraph('the council voted unanimously', 20, mono)).toMatchObject({
      widow: false,
    })
  })

  it('sets a word wider than the measure on a line of its own', () => {
    expect(setParagraph('a Llanfairpwllgwyngyll station', 10, mono).lines).toEqual([
      'a',
      'Llanfairpwllgwyngyll',
      'station',
    ])
  })
})

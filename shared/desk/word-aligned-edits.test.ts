import { describe, expect, it } from 'vitest'
import { wordAlignedEdit } from './word-aligned-edits'

describe('a text change written between words', () => {
  it('adds a word before the one it repeats, not inside it', () => {
    expect(wordAlignedEdit('soon. w1', 'soon. w10 w1')).toEqual({
      at: 6,
      removed: 0,
      inserted: 'w10 ',
    })
  })

  it('takes a word out whole', () => {
    expect(wordAlignedEdit('soon. w10 w1', 'soon. w1')).toEqual({
      at: 6,
      removed: 4,
      inserted: '',
    })
  })

  it('keeps the shortest change where no word boundary is on offer', () => {
    expect(wordAlignedEdit('cat', 'cut')).toEqual({ at: 1, removed: 1, inserted: 'u' })
    expect(wordAlignedEdit('aaa', 'aaaa')).toEqual({ at: 3, removed: 0, inserted: 'a' })
  })

  it('adds a word at the end after a space, and between words after the space', () => {
    expect(wordAlignedEdit('Ward 1', 'Ward 1 Ward')).toEqual({
      at: 6,
      removed: 0,
      inserted: ' Ward',
    })
    expect(wordAlignedEdit('Ward 1', 'Ward Ward 1')).toEqual({
      at: 5,
      removed: 0,
      inserted: 'Ward ',
    })
  })
})

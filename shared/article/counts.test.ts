import { describe, expect, it } from 'vitest'
import { checkLimit, countText, WORDS_PER_MINUTE } from './counts'

describe('counts', () => {
  it('counts words, characters and reading time', () => {
    expect(countText('')).toEqual({ words: 0, characters: 0, readingMinutes: 0 })
    expect(countText('Two words')).toEqual({ words: 2, characters: 9, readingMinutes: 1 })
    const long = Array.from({ length: WORDS_PER_MINUTE * 3 }, () => 'word').join(' ')
    expect(countText(long).readingMinutes).toBe(3)
  })

  it('flags going over a limit without blocking it', () => {
    expect(checkLimit('Short headline', 70)).toEqual({ count: 14, limit: 70, over: 0 })
    expect(checkLimit('x'.repeat(75), 70)).toEqual({ count: 75, limit: 70, over: 5 })
    expect(checkLimit('Crème brûlée 👍🏽', 14)).toEqual({ count: 14, limit: 14, over: 0 })
  })
})

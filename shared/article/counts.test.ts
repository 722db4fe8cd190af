import { describe, expect, it } from 'vitest'
import { checkLimit, countBody, countText, WORDS_PER_MINUTE } from './counts'
import type { TiptapNode } from './tiptap-json'

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

  describe('of a body with suggestions, as it reads once they are all accepted', () => {
    const text = (value: string, mark?: 'insertion' | 'deletion', id = 's1'): TiptapNode => ({
      type: 'text',
      text: value,
      ...(mark && { marks: [{ type: mark, attrs: { id } }] }),
    })
    const doc = (...content: TiptapNode[]): TiptapNode => ({ type: 'doc', content })
    const paragraph = (...content: TiptapNode[]): TiptapNode => ({ type: 'paragraph', content })

    it('leaves out text suggested for deletion, and counts what is suggested instead', () => {
      // "Monday" replaced by "next Tuesday" (as Suggest edits records typing over a word).
      const replaced = doc(
        paragraph(
          text('The ferry returns on '),
          text('Monday', 'deletion'),
          text('next Tuesday', 'insertion'),
          text('.'),
        ),
      )
      expect(countBody(replaced)).toEqual(countText('The ferry returns on next Tuesday.'))
      const deleted = doc(paragraph(text('The ferry returns '), text('on Monday', 'deletion')))
      expect(countBody(deleted)).toMatchObject({ words: 3, characters: 18 })
    })

    it('leaves out a block suggested for deletion, and the anchors of suggested blocks', () => {
      const body = doc(
        paragraph(text('Kept.'), text('\u200b', 'insertion', 's2')),
        paragraph(text('\u200bA new paragraph.', 'insertion', 's2')),
        {
          type: 'paragraph',
          marks: [{ type: 'deletion', attrs: { id: 's3' } }],
          content: [text('Three words gone.')],
        },
        {
          type: 'figure',
          attrs: { src: 'assets/a.jpg' },
          marks: [{ type: 'deletion', attrs: { id: 's4' } }],
          content: [text('A caption going with its picture')],
        },
      )
      expect(countBody(body)).toEqual(countText('Kept.\nA new paragraph.'))
    })

    it('counts a body without suggestions as its text', () => {
      const body = doc(paragraph(text('One two.')), {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph(text('Three'))] }],
      })
      expect(countBody(body)).toEqual(countText('One two.\nThree'))
    })
  })
})

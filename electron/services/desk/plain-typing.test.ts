import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArticle, fieldsOf } from '../../../shared/article'
import { STORY_PARTS, writeStory } from '../../../shared/desk/story-document'
import { MAX_LINE_LENGTH } from '../../../shared/validation/bounded'
import { isPlainTyping } from './plain-typing'

const ID = '3a5c7e9b-2d4f-4a6b-8c0d-1e2f3a4b5c6d'

/** The desk's copy of a story, and a person's, in step. */
function story() {
  const desk = new Y.Doc()
  writeStory(
    desk,
    fieldsOf(
      createArticle(
        {
          headline: 'Bridge to close',
          body: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'The bridge closes.' }] },
              { type: 'paragraph', content: [{ type: 'text', text: 'Ferries run.' }] },
            ],
          },
        },
        ID,
        new Date(),
      ),
    ),
  )
  const mine = new Y.Doc()
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(desk))
  return { desk, mine }
}

/** What one edit of `mine` sends the desk. */
function change(mine: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(mine)
  edit()
  return Y.encodeStateAsUpdate(mine, before)
}

const firstText = (doc: Y.Doc, part: string = STORY_PARTS.body) =>
  (doc.getXmlFragment(part).get(0) as Y.XmlElement).get(0) as Y.XmlText

describe('plain typing, which the desk need not try on a copy of the story', () => {
  it('is characters typed or deleted in text the story has, in any field', () => {
    const { desk, mine } = story()
    const typed = change(mine, () => {
      firstText(mine).insert(4, 'old ')
      firstText(mine).insert(0, 'HULL: ')
    })
    expect(isPlainTyping(desk, typed)).toBe(true)
    Y.applyUpdate(desk, typed)
    expect(
      isPlainTyping(
        desk,
        change(mine, () => firstText(mine).delete(0, 6)),
      ),
    ).toBe(true)
    expect(
      isPlainTyping(
        desk,
        change(mine, () => firstText(mine, STORY_PARTS.headline).insert(0, 'Old ')),
      ),
    ).toBe(true)
  })

  it('is not a new block, a removed block, a mark, a detail, or a line past its bound', () => {
    const { desk, mine } = story()
    const body = mine.getXmlFragment(STORY_PARTS.body)
    expect(
      isPlainTyping(
        desk,
        change(mine, () => body.insert(2, [new Y.XmlElement('paragraph')])),
      ),
    ).toBe(false)
    expect(
      isPlainTyping(
        desk,
        change(mine, () => body.delete(1, 1)),
      ),
    ).toBe(false)
    expect(
      isPlainTyping(
        desk,
        change(mine, () => firstText(mine).format(0, 3, { bold: {} })),
      ),
    ).toBe(false)
    expect(
      isPlainTyping(
        desk,
        change(mine, () => mine.getMap(STORY_PARTS.details).set('status', 'published')),
      ),
    ).toBe(false)
    expect(
      isPlainTyping(
        desk,
        change(mine, () => firstText(mine).insert(0, 'x'.repeat(MAX_LINE_LENGTH))),
      ),
    ).toBe(false)
  })

  it('is not text the desk cannot place, nor bytes that are not an update', () => {
    const { desk, mine } = story()
    const first = change(mine, () => firstText(mine).insert(0, 'A'))
    const second = change(mine, () => firstText(mine).insert(1, 'B'))
    // The second keystroke leans on the first, which the desk has not had.
    expect(isPlainTyping(desk, second)).toBe(false)
    expect(isPlainTyping(desk, Y.mergeUpdates([first, second]))).toBe(true)
    expect(isPlainTyping(desk, new Uint8Array([1, 2, 3, 4]))).toBe(false)
  })
})

// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { Selection } from '@tiptap/pm/state'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { countBody, type TiptapNode } from '../../../shared/article'
import { createTestBodyEditor } from '../../../shared/editor/test-body-editor'
import { countBodyBlocks } from './body-counts'

let editor: Editor | undefined
afterEach(() => editor?.destroy())

const STORY =
  '<h2>Harbour</h2><p>The council approved the plan.</p><ul><li><p>One</p></li><li><p>Two</p></li></ul>' +
  '<blockquote><p>“It will take years,” she said.</p></blockquote><p>Work starts in spring.<br>Crème brûlée 👍🏽</p>'

const expectCountedAsWhole = (current: Editor) =>
  expect(countBodyBlocks(current.state.doc)).toEqual(
    countBody(current.state.doc.toJSON() as TiptapNode),
  )

const edits = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('type' as const),
      at: fc.nat(),
      text: fc.string({ minLength: 1, maxLength: 6 }),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 30 }),
    }),
    fc.record({ kind: fc.constant('enter' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('suggest' as const), on: fc.boolean() }),
  ),
  { minLength: 1, maxLength: 20 },
)

describe('counting the body block by block', () => {
  it('equals counting the whole body, after any run of edits, suggesting or not', () => {
    fc.assert(
      fc.property(edits, (run) => {
        const current = (editor = createTestBodyEditor(STORY.repeat(6)))
        expectCountedAsWhole(current)
        for (const edit of run) {
          const { doc } = current.state
          const size = doc.content.size
          const at = (position: number) => Selection.near(doc.resolve(position % (size + 1))).from
          if (edit.kind === 'suggest') current.commands.setSuggestMode(edit.on)
          else if (edit.kind === 'type')
            current.chain().setTextSelection(at(edit.at)).insertContent(edit.text).run()
          else if (edit.kind === 'enter')
            current.chain().setTextSelection(at(edit.at)).splitBlock().run()
          else {
            const from = at(edit.at)
            current
              .chain()
              .setTextSelection({ from, to: Math.min(size - 1, from + edit.length) })
              .deleteSelection()
              .run()
          }
          expectCountedAsWhole(current)
        }
        current.destroy()
      }),
      { seed: 20261204, numRuns: 30 },
    )
  }, 60_000)

  it('leaves out blocks suggested for deletion, and counts an empty body as nothing', () => {
    const current = (editor = createTestBodyEditor({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Kept.' }] },
        {
          type: 'paragraph',
          marks: [{ type: 'deletion', attrs: { id: 's3' } }],
          content: [{ type: 'text', text: 'Three words gone.' }],
        },
        { type: 'paragraph' },
      ],
    }))
    expect(countBodyBlocks(current.state.doc)).toEqual({
      words: 1,
      characters: 6,
      readingMinutes: 1,
    })
    expectCountedAsWhole(current)
    current.commands.clearContent()
    expect(countBodyBlocks(current.state.doc)).toEqual({
      words: 0,
      characters: 0,
      readingMinutes: 0,
    })
  })
})

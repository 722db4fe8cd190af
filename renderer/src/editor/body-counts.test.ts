// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { countBody, type TiptapNode } from '../../../shared/article'
import { createTestBodyEditor } from '../../../shared/editor/test-body-editor'
import { applyEdit, editRuns } from '../../../shared/editor/test-edits'
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

const edits = editRuns({ longestDelete: 30, longestRun: 20 })

describe('counting the body block by block', () => {
  it('equals counting the whole body, after any run of edits, suggesting or not', () => {
    fc.assert(
      fc.property(edits, (run) => {
        const current = (editor = createTestBodyEditor(STORY.repeat(6)))
        expectCountedAsWhole(current)
        for (const edit of run) {
          applyEdit(current, edit)
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

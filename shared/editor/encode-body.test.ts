// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { TiptapNode } from '../article/tiptap-json'
import { suggestionIds } from '../suggestions/list-suggestions'
import { encodeBody, encodeBodyJson } from './encode-body'
import { createTestBodyEditor } from './test-body-editor'
import { applyEdit, editRuns } from './test-edits'

let editor: Editor | undefined
afterEach(() => editor?.destroy())

const STORY =
  '<h2>Harbour</h2><p>The council approved the plan.</p><ul><li><p>One</p></li><li><p>Two</p></li></ul>' +
  '<blockquote><p>“It will take years,” she said.</p></blockquote><p>Work starts in spring.</p>'

/** Long enough for several runs of blocks, so edits shift blocks from one run to the next. */
const LONG_STORY = STORY.repeat(40)

const makeEditor = (content = LONG_STORY) => (editor = createTestBodyEditor(content))

/** What encoding must always equal: the whole document serialized afresh. */
const expectEncodedAsWhole = (current: Editor) => {
  const whole = current.state.doc.toJSON() as TiptapNode
  const encoded = encodeBody(current.state.doc)
  expect(encoded.json).toBe(JSON.stringify(whole))
  expect(encoded.suggestionIds).toEqual(suggestionIds(whole))
}

const edits = editRuns({ longestDelete: 8, longestRun: 25 })

describe('encoding the body for a save', () => {
  it('equals serializing the whole document, after any run of edits, suggesting or not', () => {
    fc.assert(
      fc.property(edits, (run) => {
        const current = makeEditor()
        expectEncodedAsWhole(current)
        for (const edit of run) {
          applyEdit(current, edit)
          expectEncodedAsWhole(current)
        }
        current.destroy()
      }),
      { seed: 20261129, numRuns: 40 },
    )
    // Forty runs of up to 25 edits on a 280-block story: 3 s here, 6 s on a loaded CI machine.
  }, 60_000)

  it('lists the suggestions in the body, so their authorship is saved with it', () => {
    const current = makeEditor()
    current.commands.setSuggestMode(true)
    current.chain().setTextSelection(5).insertContent('new words').run()
    expect(encodeBody(current.state.doc).suggestionIds.size).toBeGreaterThan(0)
    expectEncodedAsWhole(current)
  })

  it('encodes an empty document and a body that is not in an editor', () => {
    const current = makeEditor()
    current.commands.clearContent()
    expectEncodedAsWhole(current)
    const body: TiptapNode = { type: 'doc', content: [{ type: 'paragraph' }] }
    expect(encodeBodyJson(body).json).toBe(JSON.stringify(body))
  })
})

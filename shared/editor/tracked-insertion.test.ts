// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { DOMParser as ProseMirrorParser } from '@tiptap/pm/model'
import { Selection, type EditorState } from '@tiptap/pm/state'
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestBodyEditor } from './test-body-editor'
import { trackedInsertion } from './tracked-insertion'

/** Passed 3,000 runs once; each CI run tries 300 more. */
const RUNS = 300

let editor: Editor | undefined
afterEach(() => editor?.destroy())

const STORIES = [
  '<p>The council met on Tuesday.</p><p>It voted to close the bridge.</p>',
  '<h2>Bridge</h2><p>The <strong>council</strong> met.</p><blockquote><p>We had no choice.</p><p>None.</p></blockquote><p>Ferries run.</p>',
  '<ul><li><p>One item</p></li><li><p>Two <em>items</em></p></li></ul><p>After the list.</p>',
  '<p>Before.</p><hr><p>After the rule.</p><ol><li><p>First</p><ul><li><p>Nested</p></li></ul></li></ol>',
  '<p>Only one paragraph, with a <a href="https://example.org">link</a> in it.</p>',
  '<p>Code follows.</p><pre><code>let x = 1</code></pre><p>Done.</p>',
]

const PASTES = [
  'plain words',
  '<b>bold</b> and <i>italic</i> and <a href="https://example.org/a">a link</a>',
  '<p>One paragraph.</p>',
  '<p>First pasted.</p><p>Second pasted.</p>',
  '<p>Start.</p><h2>A heading</h2><p>End.</p>',
  '<ul><li>Pasted item</li><li>Another</li></ul>',
  '<blockquote><p>A pasted quote.</p></blockquote><p>Then text.</p>',
  '<p>Text</p><ol><li><p>Item</p></li></ol>',
  '<h3>Heading only</h3>',
]

/** A paste as ProseMirror makes it: the clipboard's slice over the selection, marked a paste. */
function pasteAt(state: EditorState, position: number, html: string) {
  const { schema } = state
  const element = document.createElement('div')
  element.innerHTML = html
  const slice = ProseMirrorParser.fromSchema(schema).parseSlice(element)
  const tr = state.tr.setSelection(Selection.near(state.doc.resolve(position)))
  tr.replaceSelection(slice).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste')
  return tr
}

describe('a paste recorded as a suggestion in a few steps', () => {
  it('makes the very document, selection and meta the suggestion library makes', () => {
    let compared = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...STORIES),
        fc.constantFrom(...PASTES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (story, pasted, where) => {
          editor?.destroy()
          editor = createTestBodyEditor(story)
          const state = editor.state
          const position = Math.round(where * state.doc.content.size)
          const tr = pasteAt(state, position, pasted)
          const fast = trackedInsertion(tr, state, () => 'suggestion')
          if (!fast) return
          compared += 1
          const library = transformToSuggestionTransaction(tr, state, () => 'suggestion')
          expect(fast.doc.toJSON()).toEqual(library.doc.toJSON())
          expect(fast.selection.toJSON()).toEqual(library.selection.toJSON())
          expect(fast.getMeta('paste')).toBe(true)
          expect(fast.steps.length).toBeLessThanOrEqual(6)
        },
      ),
      { numRuns: RUNS },
    )
    // Most pastes take the short way: the property is about them, not about the fallback.
    expect(compared).toBeGreaterThan(RUNS / 2)
  })
})

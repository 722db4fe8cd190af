// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TiptapNode } from '../article/tiptap-json'
import { STORY_PARTS } from '../desk/story-document'
import { listSuggestions } from '../suggestions/list-suggestions'
import { articleBodyExtensions } from './extensions'
import { SuggestChanges } from './suggest-changes'

let nextId = 0
const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

/** A body editor bound to a shared story's document, as a person's page binds it. */
function sharedEditor(doc: Y.Doc): Editor {
  const editor = new Editor({
    extensions: [
      ...articleBodyExtensions({ shared: true }),
      SuggestChanges.configure({ newSuggestionId: () => `s${++nextId}` }),
      Collaboration.configure({ document: doc, field: STORY_PARTS.body }),
    ],
  })
  editors.push(editor)
  return editor
}

/** Two machines' copies of one story, each change delivered to the other at once. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a)
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b)
  })
  return [a, b]
}

const suggestionsIn = (editor: Editor) => listSuggestions(editor.getJSON() as TiptapNode, 'Body')

describe('suggest edits in a shared story', () => {
  it('records only this person’s edits: others’ arrive as they made them', () => {
    const [reporterDoc, editorDoc] = linkedDocs()
    const reporter = sharedEditor(reporterDoc)
    const deskEditor = sharedEditor(editorDoc)
    reporter.commands.insertContent('The bridge closes on Monday.')
    deskEditor.commands.setSuggestMode(true)

    // The reporter goes on writing while the desk editor suggests.
    reporter.commands.insertContentAt(reporter.state.doc.content.size - 1, ' Ferries will run.')
    expect(deskEditor.getText()).toBe('The bridge closes on Monday. Ferries will run.')
    expect(suggestionsIn(deskEditor)).toEqual([])

    // The desk editor's own edit is a suggestion, and reaches the reporter as one.
    deskEditor.commands.insertContentAt(1, 'Hull’s ')
    const suggested = [{ id: expect.any(String), field: 'Body', inserted: 'Hull’s ', deleted: '' }]
    expect(suggestionsIn(deskEditor)).toEqual(suggested)
    expect(suggestionsIn(reporter)).toEqual(suggested)
  })

  it('undoes only this person’s edits', () => {
    const [reporterDoc, editorDoc] = linkedDocs()
    const reporter = sharedEditor(reporterDoc)
    const deskEditor = sharedEditor(editorDoc)
    reporter.commands.insertContent('The bridge closes.')
    deskEditor.commands.insertContentAt(deskEditor.state.doc.content.size - 1, ' On Monday.')
    reporter.commands.undo()
    expect(reporter.getText()).toBe(' On Monday.')
    expect(deskEditor.getText()).toBe(' On Monday.')
  })
})

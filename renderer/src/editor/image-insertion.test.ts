// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportedImage } from '../../../shared/assets/image-policy'
import { createTestBodyEditor } from '../../../shared/editor/test-body-editor'
import { insertFigures } from './image-insertion'

// Inserting never talks to main; the client would try to reach a host.
vi.mock('../api/client', () => ({ client: {} }))

let editor: Editor | undefined
afterEach(() => editor?.destroy())

const image: ImportedImage = {
  src: 'assets/wing.jpg',
  format: 'jpeg',
  width: 1200,
  height: 800,
  caption: 'The new wing',
  credit: 'Sam Roe/Herald',
  creator: 'Sam Roe',
  copyright: '© 2026 Herald Media',
  source: 'Herald',
  reused: false,
}
const figure = {
  type: 'figure',
  attrs: {
    src: 'assets/wing.jpg',
    sourceUrl: '',
    alt: '',
    credit: 'Sam Roe/Herald',
    creator: 'Sam Roe',
    copyright: '© 2026 Herald Media',
    source: 'Herald',
    lead: false,
  },
  content: [{ type: 'text', text: 'The new wing' }],
}
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** "Patients moved in." is 1–19, "Staff follow." 21–34. */
const story = () => createTestBodyEditor('<p>Patients moved in.</p><p>Staff follow.</p>')
const selectedText = (current: Editor) => {
  const { from, to } = current.state.selection
  return current.state.doc.textBetween(from, to, '\n')
}

describe('inserting images into the body', () => {
  it('puts the figure after selected text, keeping the text and the selection', () => {
    editor = story()
    editor.commands.setTextSelection({ from: 1, to: 19 })
    insertFigures(editor, [image])
    expect(editor.getJSON().content).toEqual([
      paragraph('Patients moved in.'),
      figure,
      paragraph('Staff follow.'),
    ])
    expect(selectedText(editor)).toBe('Patients moved in.')
  })

  it('splits the paragraph after a selection that ends inside it', () => {
    editor = story()
    // "moved", selected from its end back to its start.
    editor.commands.setTextSelection({ from: 15, to: 10 })
    insertFigures(editor, [image, image])
    expect(editor.getJSON().content).toEqual([
      paragraph('Patients moved'),
      figure,
      figure,
      paragraph(' in.'),
      paragraph('Staff follow.'),
    ])
    expect(selectedText(editor)).toBe('moved')
    expect(editor.state.selection).toMatchObject({ anchor: 15, head: 10 })
  })

  it('keeps a selection across paragraphs', () => {
    editor = story()
    editor.commands.setTextSelection({ from: 10, to: 27 })
    insertFigures(editor, [image])
    expect(editor.getJSON().content).toEqual([
      paragraph('Patients moved in.'),
      paragraph('Staff '),
      figure,
      paragraph('follow.'),
    ])
    expect(selectedText(editor)).toBe('moved in.\nStaff ')
  })

  it('suggests the figure alone while suggesting: the selected words are not marked deleted', () => {
    editor = story()
    editor.commands.setSuggestMode(true)
    editor.commands.setTextSelection({ from: 1, to: 19 })
    insertFigures(editor, [image])
    const [first, second] = editor.getJSON().content ?? []
    // Neither paragraph nor text is marked; after the text comes the zero-width anchor that a
    // suggested new block always has.
    expect(first?.marks).toBeUndefined()
    expect(first?.content?.[0]).toEqual({ type: 'text', text: 'Patients moved in.' })
    expect(second).toMatchObject({ ...figure, marks: [{ type: 'insertion' }] })
  })

  it('inserts at the cursor, or where an image was dropped, as before', () => {
    editor = story()
    editor.commands.setTextSelection(19)
    insertFigures(editor, [image])
    expect(editor.getJSON().content).toEqual([
      paragraph('Patients moved in.'),
      figure,
      paragraph('Staff follow.'),
    ])
    insertFigures(editor, [image], 0)
    expect(editor.getJSON().content?.[0]).toEqual(figure)
  })
})

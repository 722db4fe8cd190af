// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestBodyEditor } from '../../../shared/editor/test-body-editor'
import { loadSuggestionRecords } from '../stores/suggestion-store'
import { suggestionAtCursor } from './SuggestionAtCursor'

let editor: Editor | undefined
afterEach(() => {
  editor?.destroy()
  loadSuggestionRecords([])
})

/** A paragraph of plain strings and suggested pieces: ['ins', 'a', 'words'] and the like. */
type Piece = string | ['insertion' | 'deletion', string, string]

/** The suggestion found with the cursor just after the first letter of `target`. */
function at(pieces: Piece[], target: string) {
  const content = pieces.map((piece) =>
    typeof piece === 'string'
      ? { type: 'text', text: piece }
      : { type: 'text', text: piece[2], marks: [{ type: piece[0], attrs: { id: piece[1] } }] },
  )
  editor?.destroy()
  editor = createTestBodyEditor({ type: 'doc', content: [{ type: 'paragraph', content }] })
  const offset = editor.state.doc.textContent.indexOf(target)
  editor.commands.setTextSelection(offset + 2)
  return suggestionAtCursor(editor)
}

const record = (id: string, author: string) => ({ id, author, createdAt: '2025-01-01T09:00:00Z' })

describe('the suggestion at the cursor', () => {
  it('is an insertion, or a deletion, on its own', () => {
    expect(at(['Rates ', ['insertion', 'a', 'rise'], '.'], 'rise')).toEqual({
      kind: 'insertion',
      id: 'a',
      ids: ['a'],
    })
    expect(at(['Rates ', ['deletion', 'b', 'rise'], '.'], 'rise')?.kind).toBe('deletion')
    expect(at(['Rates rise.'], 'rise')).toBeUndefined()
  })

  it('is a replacement where words were typed over others, from either half', () => {
    const typedOver: Piece[] = ['The ', ['deletion', 'a', 'close'], ['insertion', 'a', 'narrow']]
    expect(at(typedOver, 'close')).toEqual({ kind: 'replacement', id: 'a', ids: ['a'] })
    expect(at(typedOver, 'narrow')).toEqual({ kind: 'replacement', id: 'a', ids: ['a'] })
  })

  it('joins a deletion and an insertion side by side by one author, not by two', () => {
    const twoGoes: Piece[] = ['The ', ['deletion', 'a', 'close'], ['insertion', 'b', 'narrow']]
    loadSuggestionRecords([record('a', 'Dana Desk'), record('b', 'Dana Desk')])
    expect(at(twoGoes, 'narrow')).toEqual({ kind: 'replacement', id: 'b', ids: ['a', 'b'] })
    loadSuggestionRecords([record('a', 'Dana Desk'), record('b', 'Sam Sub')])
    expect(at(twoGoes, 'narrow')).toEqual({ kind: 'insertion', id: 'b', ids: ['b'] })
  })
})

// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { articleBodyExtensions } from '../../../shared/editor/extensions'
import { CurrentBlock, SETTLE_DELAY_MS, visitedBlocks } from './current-block'

let editor: Editor | undefined
beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  editor?.destroy()
  vi.useRealTimers()
})

const newEditor = (content: string) =>
  (editor = new Editor({
    element: document.body.appendChild(document.createElement('div')),
    extensions: [...articleBodyExtensions(), CurrentBlock],
    content,
  }))

/** Each top-level block's text, with the classes the plugin gave it. */
const blocks = (opened: Editor) =>
  [...opened.view.dom.children].map((block) => ({
    text: block.textContent,
    visited: block.classList.contains('caret-visited'),
    caret: block.classList.contains('has-caret'),
  }))

describe('the blocks the caret has been in', () => {
  it('follow the story’s edits: shifted by text added before them, dropped when deleted', () => {
    const editing = newEditor('<p>One</p><p>Two</p><p>Three</p>')
    const { doc } = editing.state
    const starts = [0, 5, 10]
    // "One" gets two characters longer: the blocks after it move; then "Two" goes.
    const typed = EditorState.create({ doc }).tr.insertText('!!', 4)
    expect(visitedBlocks(starts, typed, undefined)).toEqual([0, 7, 12])
    const deleted = EditorState.create({ doc }).tr.delete(5, 10)
    expect(visitedBlocks(starts, deleted, undefined)).toEqual([0, 5])
  })

  it('drop a block merged into the one before, and add the caret’s block', () => {
    const editing = newEditor('<p>One</p><p>Two</p>')
    // Backspace at the start of "Two": its start is inside "OneTwo" now.
    const joined = EditorState.create({ doc: editing.state.doc }).tr.join(5)
    expect(visitedBlocks([0, 5], joined, 0)).toEqual([0])
  })

  it('stay laid out while typing goes on, and are let go once it pauses', () => {
    const editing = newEditor('<p>First</p>')
    editing.commands.setTextSelection(6)
    editing.commands.splitBlock()
    editing.commands.insertContent('Second')
    expect(blocks(editing)).toEqual([
      { text: 'First', visited: true, caret: false },
      { text: 'Second', visited: true, caret: true },
    ])

    vi.advanceTimersByTime(SETTLE_DELAY_MS - 1)
    expect(blocks(editing)[0]?.visited).toBe(true)
    vi.advanceTimersByTime(1)
    expect(blocks(editing)).toEqual([
      { text: 'First', visited: false, caret: false },
      { text: 'Second', visited: true, caret: true },
    ])
    // Letting go is not an edit: undo still undoes the typing.
    expect(editing.can().undo()).toBe(true)
  })

  it('keep the caret’s block laid out wherever the caret goes', () => {
    const editing = newEditor('<p>One</p><p>Two</p><p>Three</p>')
    editing.commands.setTextSelection(12)
    expect(blocks(editing).map(({ visited, caret }) => [visited, caret])).toEqual([
      [true, false],
      [false, false],
      [true, true],
    ])
    vi.advanceTimersByTime(SETTLE_DELAY_MS)
    expect(blocks(editing).map(({ visited }) => visited)).toEqual([false, false, true])
  })

  it('keep the marks on whole blocks through typing, splits, merges and replaced ranges', () => {
    const editing = newEditor('<p>One</p><p>Two</p><p>Three</p><p>Four</p>')
    const caretBlock = () => {
      const { $head } = editing.state.selection
      return editing.view.nodeDOM($head.before(1))
    }
    const expectMarked = (visitedTexts: string[]) => {
      const shown = blocks(editing)
      expect(shown.filter((block) => block.visited).map((block) => block.text)).toEqual(
        visitedTexts,
      )
      expect(shown.filter((block) => block.caret)).toHaveLength(1)
      expect((caretBlock() as HTMLElement).classList.contains('has-caret')).toBe(true)
    }
    editing.commands.setTextSelection(4)
    editing.commands.insertContent('!')
    expectMarked(['One!'])
    editing.commands.setTextSelection(17)
    editing.commands.insertContent('?')
    expectMarked(['One!', 'Three?'])
    // Typed in a block the caret is already in: the marks move with the text before it.
    editing.commands.setTextSelection(2)
    editing.commands.insertContent('n')
    expectMarked(['Onne!', 'Three?'])
    // A range from "Onne!" into "Two" replaced: the blocks merge.
    editing.commands.setTextSelection({ from: 3, to: 10 })
    editing.commands.insertContent('X')
    expectMarked(['OnXo', 'Three?'])
    editing.commands.splitBlock()
    expectMarked(['OnX', 'o', 'Three?'])
    editing.commands.joinBackward()
    expectMarked(['OnXo', 'Three?'])
    vi.advanceTimersByTime(SETTLE_DELAY_MS)
    expectMarked(['OnXo'])
  })

  it('mark the merged block when a range from it into another visited block is replaced', () => {
    const editing = newEditor('<p>Alpha</p><p>Beta</p><p>Gamma</p>')
    editing.commands.setTextSelection(10)
    editing.commands.setTextSelection(3)
    expect(blocks(editing).map(({ visited }) => visited)).toEqual([true, true, false])
    editing.view.dispatch(editing.state.tr.insertText('X', 3, 10))
    expect(blocks(editing)).toEqual([
      { text: 'AlXta', visited: true, caret: true },
      { text: 'Gamma', visited: false, caret: false },
    ])
  })

  it('build no decorations afresh while typing goes on in one block (4 ms each at 50,000 words)', () => {
    const editing = newEditor('<p>One</p><p>Two</p>')
    editing.commands.setTextSelection(4)
    const builds = vi.spyOn(DecorationSet, 'create')
    for (const character of 'more words') editing.commands.insertContent(character)
    editing.commands.setTextSelection(2)
    expect(builds).not.toHaveBeenCalled()
    builds.mockRestore()
    expect(blocks(editing)[0]).toEqual({ text: 'Onemore words', visited: true, caret: true })
  })
})

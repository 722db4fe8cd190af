import { Extension, type Editor } from '@tiptap/core'
import {
  getSearchState,
  replaceAll,
  replaceCurrent,
  search,
  SearchQuery,
  setSearchState,
} from 'prosemirror-search'

/** Highlights the find bar's matches in a field (prosemirror-search keeps the query per editor). */
export const FindReplace = Extension.create({
  name: 'findReplace',
  addProseMirrorPlugins: () => [search()],
})

export interface FindOptions {
  search: string
  replace: string
  caseSensitive: boolean
  wholeWord: boolean
}

/** Literal text, never a pattern: a reporter searching "U.S." means the dots. */
export const queryOf = (options: FindOptions) =>
  new SearchQuery({
    search: options.search,
    replace: options.replace,
    caseSensitive: options.caseSensitive,
    wholeWord: options.wholeWord,
    literal: true,
  })

export function setQuery(editor: Editor, query: SearchQuery): void {
  if (editor.isDestroyed) return
  editor.view.dispatch(setSearchState(editor.state.tr, query))
}

/** Where the query matches in this field, in document order. */
export function matchesIn(editor: Editor): { from: number; to: number }[] {
  const query = getSearchState(editor.state)?.query
  if (!query?.valid) return []
  const matches: { from: number; to: number }[] = []
  for (let at = 0; ;) {
    const found = query.findNext(editor.state, at)
    if (!found) return matches
    matches.push({ from: found.from, to: found.to })
    // An empty match would loop forever; literal queries have none, but stay safe.
    at = found.to > found.from ? found.to : found.to + 1
  }
}

export const selectMatch = (editor: Editor, match: { from: number; to: number }) =>
  editor.chain().setTextSelection(match).scrollIntoView().run()

/** Every match in the field replaced in one transaction: one undo step. */
export const replaceAllIn = (editor: Editor) =>
  editor.isEditable && replaceAll(editor.state, editor.view.dispatch)

export const replaceSelectedIn = (editor: Editor) =>
  editor.isEditable && replaceCurrent(editor.state, editor.view.dispatch)

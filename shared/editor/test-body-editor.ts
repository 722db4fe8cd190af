import { Editor, type Content } from '@tiptap/core'
import { articleBodyExtensions } from './extensions'
import { SuggestChanges } from './suggest-changes'

let nextId = 0

/**
 * For tests: a body editor with the article schema and Suggest edits available (off until
 * `setSuggestMode(true)`), suggestion ids numbered s1, s2… The caller destroys it.
 */
export function createTestBodyEditor(content: Content): Editor {
  return new Editor({
    extensions: [
      ...articleBodyExtensions(),
      SuggestChanges.configure({ newSuggestionId: () => `s${++nextId}` }),
    ],
    content,
  })
}

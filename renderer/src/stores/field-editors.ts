import type { Editor } from '@tiptap/core'
import { create } from 'zustand'

export type FieldName = 'Headline' | 'Standfirst' | 'Body'

/** The live TipTap editor of each rich field, for panels that act on the text (style, comments). */
export const useFieldEditors = create<{
  editors: Partial<Record<FieldName, Editor>>
  register(field: FieldName, editor: Editor | undefined): void
}>((set) => ({
  editors: {},
  register: (field, editor) => set((state) => ({ editors: { ...state.editors, [field]: editor } })),
}))

/**
 * Puts the cursor in a field once its editor has been made anew: an article's fields mount a
 * render after it loads, and until then the registered editor is the previous article's.
 */
export function focusWhenRemounted(
  field: FieldName,
  previous: Editor | undefined,
  then: (editor: Editor) => void = () => undefined,
): void {
  const focusIfNew = (editor: Editor | undefined) => {
    if (!editor || editor === previous) return false
    editor.commands.focus()
    then(editor)
    return true
  }
  if (focusIfNew(useFieldEditors.getState().editors[field])) return
  const stop = useFieldEditors.subscribe(({ editors }) => {
    if (focusIfNew(editors[field])) stop()
  })
}

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

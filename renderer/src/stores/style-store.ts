import type { Editor } from '@tiptap/core'
import { create } from 'zustand'
import { compileRules, ignoreKey, type StyleMatch } from '../../../shared/style/check'
import { checkDocument } from '../../../shared/style/check-document'
import type { RulePack } from '../../../shared/style/rules'
import { client } from '../api/client'
import { useEditorStore } from './editor-store'
import { useFieldEditors, type FieldName } from './field-editors'

export type StyleField = FieldName

/** A match placed in a field's document: `from` and `to` are ProseMirror positions. */
export interface PlacedMatch extends StyleMatch {
  field: StyleField
  key: string
}

/** How an ignored match is remembered in the article: the rule and the exact text. */
export { ignoreKey }

interface StyleState {
  rules: ReturnType<typeof compileRules>
  packs: RulePack[]
  problems: string[]
  matches: Record<StyleField, PlacedMatch[]>
  /** The match last clicked in the text, shown first in the Style panel. */
  selected?: PlacedMatch
  load(): Promise<void>
  setMatches(field: StyleField, matches: PlacedMatch[]): void
  select(match: PlacedMatch | undefined): void
  apply(match: PlacedMatch): void
  ignore(match: PlacedMatch): void
}

/** House-style matches in a field's document, minus the ones ignored for this article. */
export function findMatches(
  editor: Editor,
  field: StyleField,
  rules: StyleState['rules'],
): PlacedMatch[] {
  const ignored = new Set(useEditorStore.getState().form?.styleIgnores ?? [])
  const found: PlacedMatch[] = []
  for (const match of checkDocument(editor.state.doc, rules)) {
    const key = ignoreKey(match)
    if (!ignored.has(key)) found.push({ ...match, field, key })
  }
  return found
}

export const useStyleStore = create<StyleState>((set) => ({
  rules: [],
  packs: [],
  problems: [],
  matches: { Headline: [], Standfirst: [], Body: [] },

  async load() {
    const result = await client.invoke('style:packs', {})
    if (!result.ok) return set({ problems: [result.error.message] })
    const { packs, problems } = result.value
    set({ packs, problems, rules: compileRules(packs.flatMap((pack) => pack.rules)) })
  },

  setMatches: (field, matches) =>
    set((state) => ({ matches: { ...state.matches, [field]: matches } })),
  select: (selected) => set({ selected }),

  apply(match) {
    const editor = useFieldEditors.getState().editors[match.field]
    if (!editor || match.replacement === undefined) return
    // The text may have changed since the check: only replace what is still there.
    if (editor.state.doc.textBetween(match.from, match.to, undefined, '\ufffc') !== match.text)
      return
    const replacement = match.replacement
    editor
      .chain()
      .focus()
      .command(({ tr }) => {
        tr.insertText(replacement, match.from, match.to)
        return true
      })
      .run()
    set({ selected: undefined })
  },

  ignore(match) {
    const { form, edit } = useEditorStore.getState()
    if (!form) return
    edit({ styleIgnores: [...new Set([...form.styleIgnores, match.key])] })
    set({ selected: undefined })
  },
}))

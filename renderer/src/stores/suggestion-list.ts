import type { Editor } from '@tiptap/core'
import type { TiptapNode, TrackedLine } from '../../../shared/article'
import {
  listBylineSuggestions,
  resolveBylineSuggestions,
} from '../../../shared/suggestions/byline-suggestions'
import {
  listSuggestions,
  type SuggestionField,
  type SuggestionSummary,
} from '../../../shared/suggestions/list-suggestions'
import { hasSuggestions } from '../../../shared/editor/suggest-changes'
import type { ArticleForm } from './article-form'
import { useEditorStore } from './editor-store'
import { useFieldEditors, type FieldName } from './field-editors'

const lineDoc = (line: TrackedLine): TiptapNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: line }],
})

/** Every pending suggestion in the story, field by field in reading order. */
export function collectSuggestions(
  tracked: ArticleForm['tracked'],
  byline: ArticleForm['byline'],
  body: Editor | undefined,
): SuggestionSummary[] {
  const { headline, standfirst } = tracked
  return [
    ...(headline ? listSuggestions(lineDoc(headline), 'Headline') : []),
    ...(standfirst ? listSuggestions(lineDoc(standfirst), 'Standfirst') : []),
    ...listBylineSuggestions(byline),
    ...(body && hasSuggestions(body.state.doc)
      ? listSuggestions(body.getJSON() as TiptapNode, 'Body')
      : []),
  ]
}

const EDITOR_OF: Partial<Record<SuggestionField, FieldName>> = {
  Headline: 'Headline',
  Standfirst: 'Standfirst',
  Body: 'Body',
  Caption: 'Body',
  Credit: 'Body',
  'Alt text': 'Body',
}

/** Accepts or rejects one suggestion wherever it is. */
export function resolveSuggestion(suggestion: SuggestionSummary, accept: boolean): void {
  const editorName = EDITOR_OF[suggestion.field]
  if (editorName) {
    const editor = useFieldEditors.getState().editors[editorName]
    if (accept) editor?.commands.acceptSuggestion(suggestion.id)
    else editor?.commands.rejectSuggestion(suggestion.id)
    return
  }
  const { form, edit } = useEditorStore.getState()
  if (form) edit({ byline: resolveBylineSuggestions(form.byline, accept, suggestion.id) })
}

/** Accepts or rejects every suggestion in every field. */
export function resolveAllSuggestions(accept: boolean): void {
  for (const editor of Object.values(useFieldEditors.getState().editors)) {
    if (!editor || editor.isDestroyed || !hasSuggestions(editor.state.doc)) continue
    if (accept) editor.commands.acceptAllSuggestions()
    else editor.commands.rejectAllSuggestions()
  }
  const { form, edit } = useEditorStore.getState()
  if (form?.byline.some((row) => row.suggestion)) {
    edit({ byline: resolveBylineSuggestions(form.byline, accept) })
  }
}

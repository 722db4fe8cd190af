import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { SUGGESTION_MARK_NAMES } from '../../../shared/editor/suggestion-marks'
import { formatPeopleTime } from '../../../shared/format/people-time'
import { suggestionRecord } from '../stores/suggestion-store'

const KIND_LABELS: Record<string, string> = {
  insertion: 'Insertion',
  deletion: 'Deletion',
  modification: 'Change',
}

/** The suggestion the cursor is in, if any: its id and kind. */
function suggestionAtCursor(editor: Editor): { id: string; kind: string } | undefined {
  const { $from } = editor.state.selection
  const marks = [...($from.nodeAfter?.marks ?? []), ...($from.nodeBefore?.marks ?? [])]
  const mark = marks.find((candidate) =>
    (SUGGESTION_MARK_NAMES as readonly string[]).includes(candidate.type.name),
  )
  return mark ? { id: String(mark.attrs.id), kind: mark.type.name } : undefined
}

/** Accept or reject, right under the text, the suggestion the cursor is in. */
export function SuggestionAtCursor({ editor }: { editor: Editor }) {
  const current = useEditorState({
    editor,
    selector: ({ editor: live }) => suggestionAtCursor(live),
    equalityFn: (a, b) => a?.id === b?.id && a?.kind === b?.kind,
  })
  if (!current) return null
  const record = suggestionRecord(current.id)
  const act = (accept: boolean) => () => {
    if (accept) editor.commands.acceptSuggestion(current.id)
    else editor.commands.rejectSuggestion(current.id)
  }
  // A click keeps the cursor in the text, so the next suggestion can be reached from there.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault()
  return (
    <p className="suggestion-at-cursor" role="status">
      {KIND_LABELS[current.kind] ?? 'Suggestion'} by {record?.author || 'unknown'}
      {record && <> · {formatPeopleTime(record.createdAt)}</>}{' '}
      <button type="button" onMouseDown={keepFocus} onClick={act(true)}>
        Accept this suggestion
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={act(false)}>
        Reject this suggestion
      </button>
    </p>
  )
}

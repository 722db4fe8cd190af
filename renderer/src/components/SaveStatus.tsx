import { isDirty, useEditorStore } from '../stores/editor-store'
import { formatUpdated } from './relative-time'

/** Always says where the text stands: saved, unsaved, saving, or why a save failed. */
export function SaveStatus() {
  const saveState = useEditorStore((state) => state.saveState)
  const dirty = useEditorStore(isDirty)
  let message: string
  let tone = 'neutral'
  if (saveState.kind === 'saving') message = 'Saving…'
  else if (saveState.kind === 'failed') {
    tone = 'error'
    message = `Not saved: ${saveState.failure.message} Your text is still here.`
  } else if (dirty) message = 'Unsaved changes'
  else if (saveState.kind === 'saved') {
    tone = 'ok'
    message = `Saved ${formatUpdated(saveState.at)} (revision ${saveState.revision})`
  } else message = 'No changes'
  return (
    <p role="status" className={`save-status save-${tone}`}>
      {message}
    </p>
  )
}

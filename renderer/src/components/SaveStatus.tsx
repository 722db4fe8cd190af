import { isDirty, useEditorStore } from '../stores/editor-store'

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** Always tells the truth about the text: saved, saving, unsaved, or why a save failed. */
export function SaveStatus() {
  const saveState = useEditorStore((state) => state.saveState)
  const dirty = useEditorStore(isDirty)
  let message: string
  let tone = 'neutral'
  if (saveState.kind === 'saving') message = 'Saving…'
  else if (saveState.kind === 'failed') {
    tone = 'error'
    const retry = saveState.retrying
      ? ' Your text is kept here and saving is retried.'
      : ' Your text is kept here.'
    message = `Save failed: ${saveState.failure.message}${retry}`
  } else if (dirty) message = 'Unsaved changes'
  else if (saveState.kind === 'saved') {
    tone = 'ok'
    message = `Saved ${time.format(new Date(saveState.at))}`
  } else message = 'No changes'
  return (
    <p role="status" aria-label="Save status" className={`save-status save-${tone}`}>
      {message}
    </p>
  )
}

import { useEffect, useRef } from 'react'
import { formatPeopleTime } from '../../../shared/format/people-time'
import { isDirty, useEditorStore, type SaveState } from '../stores/editor-store'

function describe(saveState: SaveState, dirty: boolean): { message: string; tone: string } {
  if (saveState.kind === 'saving') return { message: 'Saving…', tone: 'neutral' }
  if (saveState.kind === 'failed') {
    const retry = saveState.retrying
      ? ' Your text is kept here and saving is retried.'
      : ' Your text is kept here.'
    return { message: `Save failed: ${saveState.failure.message}${retry}`, tone: 'error' }
  }
  if (dirty) return { message: 'Unsaved changes', tone: 'neutral' }
  if (saveState.kind === 'saved')
    return { message: `Saved ${formatPeopleTime(saveState.at)}`, tone: 'ok' }
  return { message: 'No changes', tone: 'neutral' }
}

/**
 * Always tells the truth about the text: saved, saving, unsaved, or why a save failed. The words
 * are written straight into the element as the store changes, not rendered: every autosave
 * changes them twice, and a React commit while the body has focus walks the whole body to
 * measure the selection, which on a long story costs more than the save itself.
 */
export function SaveStatus() {
  const element = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    const show = (state: ReturnType<typeof useEditorStore.getState>) => {
      const { message, tone } = describe(state.saveState, isDirty(state))
      const status = element.current
      if (!status || status.textContent === message) return
      status.textContent = message
      status.className = `save-status save-${tone}`
    }
    show(useEditorStore.getState())
    return useEditorStore.subscribe(show)
  }, [])
  return <p ref={element} role="status" aria-label="Save status" className="save-status" />
}

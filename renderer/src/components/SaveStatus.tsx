import { useEffect, useRef } from 'react'
import { isDirty, useEditorStore } from '../stores/editor-store'
import { describeSaveState, describeSyncState } from '../stores/save-state-words'

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
      const { message, tone } =
        state.shared && state.saveState.kind !== 'failed'
          ? describeSyncState(state.deskSync)
          : describeSaveState(state.saveState, isDirty(state))
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

import { isDirty, useEditorStore } from './editor-store'
import { useNotices } from './notices'
import { describeSaveState } from './save-state-words'

const TOPIC = 'save-failure'

/**
 * A failed save is said where it cannot scroll out of sight: a notification that stays until a
 * save goes through (or the story is closed), besides the save status above the story.
 */
export function announceSaveFailures(): () => void {
  return useEditorStore.subscribe((state, previous) => {
    if (state.saveState === previous.saveState && state.article?.id === previous.article?.id) return
    const notices = useNotices.getState()
    if (state.saveState.kind === 'failed' && state.article) {
      const headline = state.form?.headline.trim() || 'Untitled'
      const { message } = describeSaveState(state.saveState, isDirty(state))
      notices.notify(`“${headline}”: ${message}`, 'error', TOPIC)
    } else if (state.saveState.kind !== 'saving') notices.settle(TOPIC)
  })
}

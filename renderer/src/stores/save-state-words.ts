import { formatPeopleTime } from '../../../shared/format/people-time'
import type { SaveState } from './editor-store'

/** Where the text stands, in the words the save status and a failure notice use alike. */
export function describeSaveState(
  saveState: SaveState,
  dirty: boolean,
): { message: string; tone: string } {
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

import { formatPeopleTime } from '../../../shared/format/people-time'
import { syncStateWords, type DeskSyncState } from '../../../shared/desk/desk-sync'
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

/** Where a shared story stands: every change is on this computer as soon as it is made. */
export function describeSyncState(sync: DeskSyncState | undefined): {
  message: string
  tone: string
} {
  if (!sync) return { message: 'Offline: saved on this computer', tone: 'neutral' }
  const tone = sync.kind === 'synced' ? 'ok' : sync.kind === 'refused' ? 'error' : 'neutral'
  return { message: syncStateWords(sync), tone }
}

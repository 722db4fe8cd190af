import { create } from 'zustand'
import type { SuggestionRecord } from '../../../shared/article'
import { useSettings } from './settings-store'

/**
 * Who made each suggestion and when, by id. Ids are handed out while typing, often for steps
 * that end up suggesting nothing, so this map is written outside React and only the ids still
 * in the text are saved.
 */
const records = new Map<string, SuggestionRecord>()

export function loadSuggestionRecords(saved: SuggestionRecord[]): void {
  records.clear()
  for (const record of saved) records.set(record.id, record)
}

/** Others' suggestions in a shared story: added to what this page knows, never replacing it. */
export function mergeSuggestionRecords(received: SuggestionRecord[]): void {
  for (const record of received) records.set(record.id, record)
}

const currentAuthor = () => useSettings.getState().settings?.displayName ?? ''

export function newSuggestionId(): string {
  const id = crypto.randomUUID()
  records.set(id, { id, author: currentAuthor(), createdAt: new Date().toISOString() })
  return id
}

export function isOwnSuggestion(id: string): boolean {
  return records.get(id)?.author === currentAuthor()
}

export function suggestionRecord(id: string): SuggestionRecord | undefined {
  return records.get(id)
}

export function recordsFor(ids: Iterable<string>): SuggestionRecord[] {
  return [...ids].flatMap((id) => records.get(id) ?? [])
}

const SUGGESTING_KEY = 'copydesk.suggesting'
/** The tab's own storage, where there is one (not in unit tests under Node). */
const tabStorage = (): Storage | undefined =>
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage

/**
 * Whether edits are recorded as suggestions. One switch for every field of the story, kept for
 * the tab's life: a desk editor revising copy who reloads the page is still suggesting.
 */
export const useSuggestMode = create<{ enabled: boolean; setEnabled(enabled: boolean): void }>(
  (set) => ({
    enabled: tabStorage()?.getItem(SUGGESTING_KEY) === 'on',
    setEnabled: (enabled) => {
      tabStorage()?.setItem(SUGGESTING_KEY, enabled ? 'on' : 'off')
      set({ enabled })
    },
  }),
)

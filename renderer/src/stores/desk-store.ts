import { create } from 'zustand'
import type { DeskStory } from '../../../shared/desk/desk-story-list'
import { client } from '../api/client'
import { useEditorStore } from './editor-store'

interface DeskState {
  /** The desk's stories as last listed; kept while a refresh is on its way. */
  stories?: DeskStory[]
  /** Why the last listing failed, in the words the Desk section shows in place of the list. */
  error?: string
  loading: boolean
  /** Asks main for the desk's story list; an older answer never replaces a newer one. */
  refresh(): Promise<void>
  /** Forgets the list, as when the desk's address or token changes. */
  reset(): void
  /** The desk story being brought into the library to open. */
  opening?: string
  /** Why the last desk story could not be opened. */
  openProblem?: string
  /** Brings a desk story into the library (or up to date there) and opens it. */
  openStory(id: string): Promise<void>
}

let asked = 0

export const useDesk = create<DeskState>((set) => ({
  loading: false,
  async refresh() {
    const ask = ++asked
    set({ loading: true })
    const result = await client.invoke('desk:stories', {})
    if (ask !== asked) return
    set(
      result.ok
        ? { stories: result.value.stories, error: undefined, loading: false }
        : { stories: undefined, error: result.error.message, loading: false },
    )
  },
  reset() {
    asked++
    set({ stories: undefined, error: undefined, loading: false, openProblem: undefined })
  },
  async openStory(id) {
    set({ opening: id, openProblem: undefined })
    const fetched = await client.invoke('desk:open-story', { id })
    if (!fetched.ok) {
      set({ opening: undefined, openProblem: `Not opened: ${fetched.error.message}` })
      return
    }
    await useEditorStore.getState().open(id)
    set({ opening: undefined })
  },
}))

import { create } from 'zustand'
import type { LibraryListing, TrashEntry } from '../../../shared/ipc/contract'
import { client } from '../api/client'

interface LibraryState {
  listing?: LibraryListing
  trash: TrashEntry[]
  error?: string
  refresh(): Promise<void>
  restore(id: string): Promise<void>
}

export const useLibrary = create<LibraryState>((set, get) => ({
  trash: [],
  async refresh() {
    const [listing, trash] = await Promise.all([
      client.invoke('library:list', {}),
      client.invoke('trash:list', {}),
    ])
    if (!listing.ok) return set({ error: listing.error.message })
    set({ listing: listing.value, trash: trash.ok ? trash.value : [], error: undefined })
  },
  async restore(id) {
    const result = await client.invoke('article:restore', { id })
    if (!result.ok) set({ error: result.error.message })
    await get().refresh()
  },
}))

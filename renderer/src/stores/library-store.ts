import { create } from 'zustand'
import { withSummary } from '../../../shared/article'
import type { EventPayloadOf, LibraryListing, TrashEntry } from '../../../shared/ipc/contract'
import { client } from '../api/client'

interface LibraryState {
  listing?: LibraryListing
  trash: TrashEntry[]
  error?: string
  refresh(): Promise<void>
  /** Follows a change in the library: from the article it names where it can, else afresh. */
  changed(change: EventPayloadOf<'library:changed'>): Promise<void>
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
  async changed({ change, summary }) {
    const { listing } = get()
    // The trash changes too, or the article left the list (or was damaged): read both afresh.
    const whole = change === 'trashed' || change === 'restored' || !summary
    // A damaged entry mended elsewhere leaves the damaged list, which is only read whole.
    if (whole || !listing || listing.damaged.length > 0) return get().refresh()
    const listed = listing.articles.find((article) => article.id === summary.id)
    // Our own save, heard again once seen on disk.
    if (listed?.revision === summary.revision && listed.updatedAt === summary.updatedAt) return
    // Every save of every article was a whole new list before: 10,000 summaries, twice a save.
    set({ listing: { ...listing, articles: withSummary(listing.articles, summary) } })
  },
  async restore(id) {
    const result = await client.invoke('article:restore', { id })
    if (!result.ok) set({ error: result.error.message })
    await get().refresh()
  },
}))

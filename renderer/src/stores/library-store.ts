import { create } from 'zustand'
import { withSummary, type ArticleSummary } from '../../../shared/article'
import type { EventPayloadOf } from '../../../shared/ipc/contract'
import type { LibraryListing } from '../../../shared/library/library-listing'
import type { TrashEntry } from '../../../shared/library/trash-entry'
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

/**
 * For each list read on its way, the rows changes have moved meanwhile: its answer may have been
 * read before them, so they are applied again over it (unless it holds a later save).
 */
const heardDuringReads = new Set<ArticleSummary[]>()

export const useLibrary = create<LibraryState>((set, get) => ({
  trash: [],
  async refresh() {
    const heard: ArticleSummary[] = []
    heardDuringReads.add(heard)
    const [listing, trash] = await Promise.all([
      client.invoke('library:list', {}),
      client.invoke('trash:list', {}),
    ]).finally(() => heardDuringReads.delete(heard))
    if (!listing.ok) return set({ error: listing.error.message })
    const articles = heard.reduce((rows, summary) => {
      const read = rows.find((row) => row.id === summary.id)
      return read && read.revision > summary.revision ? rows : withSummary(rows, summary)
    }, listing.value.articles)
    set({
      listing: { ...listing.value, articles },
      trash: trash.ok ? trash.value : [],
      error: undefined,
    })
  },
  async changed({ change, summary }) {
    const { listing } = get()
    // The trash changes too, or the article left the list (or was damaged): read both afresh.
    if (change === 'trashed' || change === 'restored' || !summary || !listing)
      return get().refresh()
    const listed = listing.articles.find((article) => article.id === summary.id)
    // An article new to the list may be a damaged one mended elsewhere: that list is read whole.
    if (!listed && listing.damaged.length > 0) return get().refresh()
    // Our own save, heard again once seen on disk.
    if (listed?.revision === summary.revision && listed.updatedAt === summary.updatedAt) return
    // One row moves; reading the whole list again would bring 10,000 summaries for every save.
    heardDuringReads.forEach((heard) => heard.push(summary))
    set({ listing: { ...listing, articles: withSummary(listing.articles, summary) } })
  },
  async restore(id) {
    const result = await client.invoke('article:restore', { id })
    if (!result.ok) set({ error: result.error.message })
    await get().refresh()
  },
}))

import type { ArticleSummary } from '../article'

/** A damaged article: listed with its reason, never opened for writing, never overwritten. */
export interface DamagedEntry {
  folder: string
  reason: string
}

export interface LibraryListing {
  root: string
  articles: ArticleSummary[]
  damaged: DamagedEntry[]
}

import type { z } from 'zod'
import type { ArticleFieldsSchema } from '../article'

/** Unsaved edits left by a session that did not end cleanly, offered back at start. */
export interface RecoveryOffer {
  articleId: string
  baseRevision: number
  journaledAt: string
  fields: z.infer<typeof ArticleFieldsSchema>
  /** The article as saved; absent when it is no longer in the library. */
  saved?: { headline: string; revision: number }
}

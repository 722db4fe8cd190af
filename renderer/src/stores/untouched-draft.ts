import type { Article } from '../../../shared/article'

/**
 * A story made with New article and left without a word typed is not kept: main removes it
 * only if it is still as it was made (nobody else has written to it meanwhile).
 */
export interface UntouchedDraft {
  made(articleId: string): void
  /** Call as the open article leaves the screen, before its unsaved edits are forgotten. */
  leaving(article: Article | undefined, hasUnsavedEdits: boolean): void
}

export function createUntouchedDraft(discard: (articleId: string) => void): UntouchedDraft {
  /** The story this page made with New article, while it is still the open one. */
  let madeHere: string | undefined
  return {
    made(articleId) {
      madeHere = articleId
    },
    leaving(article, hasUnsavedEdits) {
      if (!article || article.id !== madeHere) return
      madeHere = undefined
      if (article.revision === 1 && !hasUnsavedEdits) discard(article.id)
    },
  }
}

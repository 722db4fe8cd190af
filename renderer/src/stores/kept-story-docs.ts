import type * as Y from 'yjs'

/**
 * How many shared stories' copies the page keeps after leaving them: enough for going back and
 * forth between a few stories, each a few megabytes at most.
 */
export const KEPT_STORY_DOCS = 3

const kept = new Map<string, Y.Doc>()

/**
 * Keeps the page's copy of a shared story it left, every change in it handed over to main, so
 * that opening the story again asks main only for what changed since (the oldest copy goes).
 */
export function keepStoryDoc(id: string, doc: Y.Doc): void {
  const earlier = kept.get(id)
  if (earlier && earlier !== doc) earlier.destroy()
  kept.delete(id)
  kept.set(id, doc)
  for (const [oldest, copy] of kept) {
    if (kept.size <= KEPT_STORY_DOCS) break
    copy.destroy()
    kept.delete(oldest)
  }
}

/** The kept copy of a story, no longer kept: the caller joins with it or destroys it. */
export function takeStoryDoc(id: string): Y.Doc | undefined {
  const doc = kept.get(id)
  kept.delete(id)
  return doc
}

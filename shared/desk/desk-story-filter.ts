import type { ArticleStatus } from '../article'
import { normalizeTerm, tokenize } from '../search/search-terms'
import type { DeskStory } from './desk-story-list'

/** The parts of the library's search box that a desk story can answer to. */
export interface DeskStoryFilter {
  text: string
  status?: readonly ArticleStatus[] | undefined
  /** Days, YYYY-MM-DD (UTC), as the library's filters take them. */
  updatedFrom?: string
  updatedTo?: string
}

/** A desk story the filter lets through, with the words to highlight in its headline. */
export interface DeskStoryMatch {
  story: DeskStory
  terms: string[]
}

/**
 * The desk's stories that match the library's search box: every word typed begins a word of the
 * headline or of a name on the story (who changed it last, who is in it), any case or accent, as
 * the library's search finds words as they are typed; the status and the days of the last change
 * as its filters do. The desk's list carries no bylines or sections, so those filters are the
 * library's alone.
 */
export function filterDeskStories(
  stories: readonly DeskStory[],
  filter: DeskStoryFilter,
): DeskStoryMatch[] {
  const wanted = tokenize(filter.text).map(normalizeTerm).filter(Boolean)
  const matches: DeskStoryMatch[] = []
  for (const story of stories) {
    if (filter.status?.length && !filter.status.includes(story.status)) continue
    const day = story.updatedAt.slice(0, 10)
    if (filter.updatedFrom && day < filter.updatedFrom) continue
    if (filter.updatedTo && day > filter.updatedTo) continue
    const headlineWords = tokenize(story.headline).map(normalizeTerm)
    const nameWords = [story.updatedBy ?? '', ...story.present].flatMap(tokenize).map(normalizeTerm)
    const terms = new Set<string>()
    const found = wanted.every((term) => {
      const inHeadline = headlineWords.filter((word) => word.startsWith(term))
      inHeadline.forEach((word) => terms.add(word))
      return inHeadline.length > 0 || nameWords.some((word) => word.startsWith(term))
    })
    if (found) matches.push({ story, terms: [...terms] })
  }
  return matches
}

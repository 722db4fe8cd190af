import type { Article } from '../article/schema'
import { suggestionIds } from './list-suggestions'

/** How many suggestions in the article still wait to be accepted or rejected. */
export function pendingSuggestionCount(article: Article): number {
  const ids = suggestionIds(article.body)
  for (const line of Object.values(article.tracked)) {
    if (line) suggestionIds({ type: 'line', content: line }, ids)
  }
  for (const { suggestion } of article.byline) if (suggestion) ids.add(suggestion.id)
  return ids.size
}

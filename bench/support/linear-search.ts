import { SEARCHED_FIELDS, type SearchDocument } from '../../shared/search/search-document'
import { normalizeTerm, tokenize } from '../../shared/search/search-terms'

/**
 * The search a library without an index does: every query word looked for in every article's
 * text. The texts are lower-cased once beforehand, as a grep over a cached copy would be, so
 * the baseline is a fast scan rather than a strawman.
 */
export function linearSearcher(documents: readonly SearchDocument[]) {
  const texts = documents.map((document) => ({
    id: document.id,
    text: normalizeTerm(SEARCHED_FIELDS.map((field) => document[field]).join('\n')),
  }))
  return (query: string): string[] => {
    const words = tokenize(query).map(normalizeTerm)
    return texts
      .filter(({ text }) => words.every((word) => text.includes(word)))
      .map(({ id }) => id)
  }
}

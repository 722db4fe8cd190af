import { useEffect, useState } from 'react'
import type { SearchQuery, SearchResults } from '../../../shared/search/search-query'
import { client } from '../api/client'

/** Long enough to skip the keystrokes of a word typed fast, short enough to feel instant. */
const TYPING_PAUSE_MS = 80
/** The first results whose match is in the body or a caption show a passage around it. */
const PASSAGES_FOR = 10

export interface SearchFilters {
  text: string
  status: SearchQuery['status']
  byline: string
  section: string
  updatedFrom: string
  updatedTo: string
  sort: 'relevance' | 'updated'
}

export const NO_FILTERS: SearchFilters = {
  text: '',
  status: undefined,
  byline: '',
  section: '',
  updatedFrom: '',
  updatedTo: '',
  sort: 'relevance',
}

export const isSearching = (filters: SearchFilters) =>
  Boolean(
    filters.text.trim() ||
    filters.status?.length ||
    filters.byline.trim() ||
    filters.section.trim() ||
    filters.updatedFrom ||
    filters.updatedTo,
  )

function queryOf(filters: SearchFilters): SearchQuery {
  return {
    text: filters.text,
    sort: filters.sort,
    limit: 200,
    passages: false,
    ...(filters.status?.length && { status: filters.status }),
    ...(filters.byline.trim() && { byline: filters.byline.trim() }),
    ...(filters.section.trim() && { section: filters.section.trim() }),
    ...(filters.updatedFrom && { updatedFrom: filters.updatedFrom }),
    ...(filters.updatedTo && { updatedTo: filters.updatedTo }),
  }
}

/**
 * Results for the search box as the person types: asked of main after a short pause, the
 * answer to an older query never replacing a newer one, and asked again whenever the library
 * changes (someone saved, another desk added an article).
 */
export function useLibrarySearch(filters: SearchFilters): {
  results?: SearchResults
  error?: string
} {
  const [state, setState] = useState<{ results?: SearchResults; error?: string }>({})
  const active = isSearching(filters)
  const query = JSON.stringify(queryOf(filters))

  useEffect(() => {
    if (!active) return
    let current = true
    const run = async () => {
      const answer = await client.invoke('library:search', JSON.parse(query) as SearchQuery)
      if (!current) return
      if (!answer.ok) return setState({ error: answer.error.message })
      setState({ results: answer.value })
      // Passages come from the articles' files: the list shows first, they follow.
      const wanted = answer.value.hits
        .slice(0, PASSAGES_FOR)
        .filter(({ fields }) => fields.includes('body') || fields.includes('captions'))
        .map(({ article, terms }) => ({ id: article.id, terms }))
      if (!wanted.length) return
      const passages = await client.invoke('library:passages', { hits: wanted })
      if (!current || !passages.ok) return
      const hits = answer.value.hits.map((hit) => {
        const snippet = passages.value[hit.article.id]
        return snippet ? { ...hit, snippet } : hit
      })
      setState({ results: { ...answer.value, hits } })
    }
    const timer = setTimeout(() => void run(), TYPING_PAUSE_MS)
    const stopListening = client.on('library:changed', () => void run())
    return () => {
      current = false
      clearTimeout(timer)
      stopListening()
    }
  }, [active, query])

  // While a new query is on its way the previous results stay, so the list does not flicker.
  return active ? state : {}
}

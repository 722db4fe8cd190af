import { useEffect, useState } from 'react'
import type { SearchQuery, SearchResults } from '../../../shared/search/search-query'
import { client } from '../api/client'

/** Long enough to skip the keystrokes of a word typed fast, short enough to feel instant. */
const TYPING_PAUSE_MS = 80

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
      setState(answer.ok ? { results: answer.value } : { error: answer.error.message })
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

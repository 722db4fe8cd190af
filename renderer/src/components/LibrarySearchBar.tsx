import { useState } from 'react'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/article'
import { NO_FILTERS, type SearchFilters } from '../stores/use-library-search'

/** The library's search box, with its filters and sort order one click away. */
export function LibrarySearchBar({
  filters,
  onChange,
}: {
  filters: SearchFilters
  onChange: (filters: SearchFilters) => void
}) {
  const [expanded, setExpanded] = useState(false)
  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch })
  const extraFilters = [filters.byline, filters.section, filters.updatedFrom, filters.updatedTo]
    .map((value) => value.trim())
    .filter(Boolean).length

  return (
    <div className="library-filters" role="search" aria-label="Search the library">
      <input
        type="search"
        aria-label="Search articles"
        placeholder="Search headlines, text, captions, bylines"
        value={filters.text}
        onChange={(event) => set({ text: event.target.value })}
      />
      <div className="library-filter-row">
        <select
          aria-label="Filter by status"
          value={filters.status?.[0] ?? ''}
          onChange={(event) => {
            const status = event.target.value as ArticleStatus | ''
            set({ status: status ? [status] : undefined })
          }}
        >
          <option value="">All statuses</option>
          {ARTICLE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls="library-more-filters"
          onClick={() => setExpanded(!expanded)}
        >
          {extraFilters ? `More filters (${extraFilters})` : 'More filters'}
        </button>
      </div>
      {expanded && (
        <fieldset id="library-more-filters" className="library-more-filters">
          <legend>More filters</legend>
          <label>
            Byline
            <input
              value={filters.byline}
              placeholder="Any reporter"
              onChange={(event) => set({ byline: event.target.value })}
            />
          </label>
          <label>
            Section
            <input
              value={filters.section}
              placeholder="Any section"
              onChange={(event) => set({ section: event.target.value })}
            />
          </label>
          <label>
            Updated from
            <input
              type="date"
              value={filters.updatedFrom}
              onChange={(event) => set({ updatedFrom: event.target.value })}
            />
          </label>
          <label>
            Updated to
            <input
              type="date"
              value={filters.updatedTo}
              onChange={(event) => set({ updatedTo: event.target.value })}
            />
          </label>
          <label>
            Sort by
            <select
              value={filters.sort}
              onChange={(event) => set({ sort: event.target.value as SearchFilters['sort'] })}
            >
              <option value="relevance">Best match</option>
              <option value="updated">Last update</option>
            </select>
          </label>
          <button type="button" onClick={() => onChange(NO_FILTERS)}>
            Clear search
          </button>
        </fieldset>
      )}
    </div>
  )
}

import { useState } from 'react'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/article'
import { NO_FILTERS, type SearchFilters } from '../stores/use-library-search'

/** The filters behind "More filters", each a text or date field of the search. */
const EXTRA_FILTERS = [
  { key: 'byline', label: 'Byline', type: 'text', placeholder: 'Any reporter' },
  { key: 'section', label: 'Section', type: 'text', placeholder: 'Any section' },
  { key: 'updatedFrom', label: 'Updated from', type: 'date', placeholder: undefined },
  { key: 'updatedTo', label: 'Updated to', type: 'date', placeholder: undefined },
] as const satisfies readonly {
  key: 'byline' | 'section' | 'updatedFrom' | 'updatedTo'
  label: string
  type: 'text' | 'date'
  placeholder: string | undefined
}[]

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
  const extraFilters = EXTRA_FILTERS.filter(({ key }) => filters[key].trim()).length

  return (
    <div className="library-filters" role="search" aria-label="Search the library">
      <input
        type="search"
        aria-label="Search articles"
        // Short enough to be read whole in the library's column; the tooltip says the rest.
        placeholder="Search articles"
        title="Searches headlines, text, captions and bylines"
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
          {EXTRA_FILTERS.map(({ key, label, type, placeholder }) => (
            <label key={key}>
              {label}
              <input
                type={type}
                value={filters[key]}
                placeholder={placeholder}
                onChange={(event) => set({ [key]: event.target.value })}
              />
            </label>
          ))}
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

import { useEffect, useRef, useState } from 'react'
import type { SearchHit, SearchResults } from '../../../shared/search/search-query'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { useLibrary } from '../stores/library-store'
import { useImportFiles } from '../stores/use-import-files'
import { IMPORT_EXTENSIONS } from '../../../shared/import/import-formats'
import { useCommand } from '../commands/command-registry'
import { BatchExport } from './BatchExport'
import { DeskSection } from './DeskSection'
import { useSettings } from '../stores/settings-store'
import { ImportResults } from './ImportResults'
import {
  isSearching,
  NO_FILTERS,
  useLibrarySearch,
  type SearchFilters,
} from '../stores/use-library-search'
import { Highlighted } from './Highlighted'
import { LibrarySearchBar } from './LibrarySearchBar'
import { formatPeopleTime } from '../../../shared/format/people-time'

/** A library of thousands lists this many at first; the rest come on asking. */
const ROWS_AT_ONCE = 200

function describeResults({ total, indexed, hits }: SearchResults): string {
  if (total === 0)
    return `No article matches, of ${indexed.toLocaleString()} searched: try fewer or shorter words, or clear the filters.`
  const showing = hits.length < total ? ` (best ${hits.length.toLocaleString()} shown)` : ''
  return `${total.toLocaleString()} of ${indexed.toLocaleString()} articles match${showing}.`
}

export function LibrarySidebar({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { listing, trash, error, refresh, changed, restore } = useLibrary()
  const openId = useEditorStore((state) => state.article?.id)
  const open = useEditorStore((state) => state.open)
  const create = useEditorStore((state) => state.create)
  const deskAddress = useSettings((state) => state.settings?.deskAddress ?? '')
  const deskTokenSet = useSettings((state) => state.settings?.deskTokenSet ?? false)
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS)
  const search = useLibrarySearch(filters)
  const [shown, setShown] = useState(ROWS_AT_ONCE)
  const [sampleProblem, setSampleProblem] = useState<string>()
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const { importFiles, busy: importing, outcome, dismiss } = useImportFiles()
  const importInput = useRef<HTMLInputElement>(null)
  useCommand('article:new', () => create())
  useCommand('article:import', () => importInput.current?.click())
  const toggleSelected = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  useEffect(() => {
    void refresh()
    return client.on('library:changed', (change) => void changed(change))
  }, [refresh, changed])

  const searching = isSearching(filters)
  const rows: SearchHit[] = searching
    ? (search.results?.hits ?? [])
    : (listing?.articles ?? []).map((article) => ({ article, score: 0, terms: [], fields: [] }))
  const visible = rows.slice(0, shown)
  const emptyLibrary =
    listing !== undefined && listing.articles.length === 0 && listing.damaged.length === 0

  const openSample = async () => {
    const sample = await client.invoke('library:create-sample', {})
    if (!sample.ok) return setSampleProblem(sample.error.message)
    await open(sample.value.id)
  }

  return (
    <nav
      className="library"
      aria-label="Library"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault()
      }}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return
        event.preventDefault()
        void importFiles(Array.from(event.dataTransfer.files))
      }}
    >
      <div className="library-header">
        <h2>Library</h2>
        <button type="button" className="primary" onClick={() => void create()}>
          New article
        </button>
        <button
          type="button"
          onClick={() => importInput.current?.click()}
          disabled={importing}
          title="Word, web pages, Markdown, text, ninjs or NITF; or drop files on the library"
        >
          {importing ? 'Importing…' : 'Import…'}
        </button>
        <input
          ref={importInput}
          type="file"
          multiple
          hidden
          accept={Object.keys(IMPORT_EXTENSIONS).join(',')}
          aria-label="Files to import"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? [])
            event.target.value = ''
            void importFiles(files)
          }}
        />
      </div>
      {outcome && <ImportResults outcome={outcome} onDismiss={dismiss} />}
      <LibrarySearchBar
        filters={filters}
        onChange={(next) => {
          setFilters(next)
          setShown(ROWS_AT_ONCE)
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {searching && search.results && (
        <p className="hint" role="status">
          {describeResults(search.results)}
        </p>
      )}
      {search.error && (
        <p className="error" role="alert">
          {search.error}
        </p>
      )}
      {deskAddress && (
        <DeskSection address={deskAddress} tokenSet={deskTokenSet} filters={filters} />
      )}
      <ul className="article-list" aria-label={searching ? 'Search results' : 'Articles'}>
        {visible.map(({ article, terms, snippet, fields }) => (
          <li key={article.id} className="article-row">
            <input
              type="checkbox"
              aria-label={`Select ${article.headline || 'Untitled'}`}
              checked={selected.has(article.id)}
              onChange={() => toggleSelected(article.id)}
            />
            <button
              type="button"
              className="article-item"
              aria-current={article.id === openId ? 'true' : undefined}
              onClick={() => void open(article.id)}
            >
              <span className="article-headline">
                <Highlighted text={article.headline || 'Untitled'} terms={terms} />
              </span>
              {snippet && (
                <span className="article-snippet">
                  <Highlighted text={snippet} terms={terms} />
                </span>
              )}
              {!snippet && fields.includes('sources') && (
                <span className="article-snippet">A source in its source log</span>
              )}
              <span className="article-meta">
                <span className={`status status-${article.status}`}>{article.status}</span>
                <time dateTime={article.updatedAt}>{formatPeopleTime(article.updatedAt)}</time>
                <span>{article.wordCount.toLocaleString()} words</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + ROWS_AT_ONCE)}>
          Show {Math.min(ROWS_AT_ONCE, rows.length - shown).toLocaleString()} more
        </button>
      )}
      {selected.size > 0 && (
        <BatchExport
          ids={(listing?.articles ?? []).filter((a) => selected.has(a.id)).map((a) => a.id)}
        />
      )}

      {emptyLibrary && (
        <div className="first-run">
          <p className="hint">
            No articles yet. Start one with “New article”, or look around a finished one first.
          </p>
          <button type="button" onClick={() => void openSample()}>
            Open a sample article
          </button>
          {sampleProblem && (
            <p role="alert" className="error">
              {sampleProblem}
            </p>
          )}
        </div>
      )}
      {listing && listing.damaged.length > 0 && (
        <section aria-label="Damaged articles" className="damaged">
          <h3>Damaged</h3>
          <ul>
            {listing.damaged.map((entry) => (
              // The reason names the folder and what is wrong with it, in words.
              <li key={entry.folder}>{entry.reason}</li>
            ))}
          </ul>
        </section>
      )}
      {trash.length > 0 && (
        <details className="trash">
          <summary>Trash ({trash.length})</summary>
          <ul aria-label="Trash">
            {trash.map((entry) => (
              <li key={entry.id}>
                <span>{entry.headline || 'Untitled'}</span>
                <button
                  type="button"
                  onClick={() => void restore(entry.id)}
                  aria-label={`Restore ${entry.headline || 'Untitled'}`}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="library-footer">
        {listing && (
          <p className="library-root" title={listing.root}>
            {listing.root}
          </p>
        )}
        <button type="button" onClick={onOpenSettings}>
          Settings
        </button>
      </div>
    </nav>
  )
}

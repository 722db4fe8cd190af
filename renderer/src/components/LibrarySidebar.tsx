import { useEffect } from 'react'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { useLibrary } from '../stores/library-store'
import { useSettings } from '../stores/settings-store'
import { formatUpdated } from './relative-time'

export function LibrarySidebar() {
  const { listing, trash, error, refresh, restore } = useLibrary()
  const openId = useEditorStore((state) => state.article?.id)
  const open = useEditorStore((state) => state.open)
  const create = useEditorStore((state) => state.create)
  const displayName = useSettings((state) => state.settings?.displayName ?? '')

  useEffect(() => {
    void refresh()
    return client.on('library:changed', () => void refresh())
  }, [refresh])

  return (
    <nav className="library" aria-label="Library">
      <div className="library-header">
        <h2>Library</h2>
        <button type="button" className="primary" onClick={() => void create(displayName)}>
          New article
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="article-list" aria-label="Articles">
        {listing?.articles.map((article) => (
          <li key={article.id}>
            <button
              type="button"
              className="article-item"
              aria-current={article.id === openId ? 'true' : undefined}
              onClick={() => void open(article.id)}
            >
              <span className="article-headline">{article.headline || 'Untitled'}</span>
              <span className="article-meta">
                <span className={`status status-${article.status}`}>{article.status}</span>
                <time dateTime={article.updatedAt}>{formatUpdated(article.updatedAt)}</time>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {listing && listing.articles.length === 0 && (
        <p className="hint">No articles yet. Start one with “New article”.</p>
      )}
      {listing && listing.damaged.length > 0 && (
        <section aria-label="Damaged articles" className="damaged">
          <h3>Damaged</h3>
          <ul>
            {listing.damaged.map((entry) => (
              <li key={entry.folder}>
                <strong>{entry.folder}</strong>: {entry.reason}
              </li>
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
      {listing && (
        <p className="library-root" title={listing.root}>
          {listing.root}
        </p>
      )}
    </nav>
  )
}

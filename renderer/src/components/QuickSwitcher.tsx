import { useState, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '../../../shared/article'
import { useEditorStore } from '../stores/editor-store'
import { useLibrary } from '../stores/library-store'
import { Dialog } from './Dialog'

/** A stable empty list: a selector that returned a new [] each time would re-render forever. */
const NO_ARTICLES: ArticleSummary[] = []

/** Ctrl/Cmd+P: type part of a headline, Enter opens the highlighted article. */
export function QuickSwitcher({ onClose }: { onClose: () => void }) {
  const articles = useLibrary((state) => state.listing?.articles ?? NO_ARTICLES)
  const open = useEditorStore((state) => state.open)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const matches = articles
    .filter((article) =>
      words.every((word) => `${article.headline} ${article.slug}`.toLowerCase().includes(word)),
    )
    .slice(0, 12)

  const choose = (id: string | undefined) => {
    if (!id) return
    onClose()
    void open(id)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, matches.length - 1))
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
    else if (event.key === 'Enter') choose(matches[active]?.id)
    else return
    event.preventDefault()
  }

  return (
    <Dialog label="Quick switcher" onClose={onClose}>
      <input
        role="combobox"
        aria-label="Jump to article"
        aria-expanded="true"
        aria-controls="quick-switcher-results"
        aria-activedescendant={matches[active] ? `quick-${matches[active].id}` : undefined}
        placeholder="Type part of a headline"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="quick-switcher-results" role="listbox" aria-label="Matching articles">
        {matches.map((article, index) => (
          <li
            key={article.id}
            id={`quick-${article.id}`}
            role="option"
            aria-selected={index === active}
            onClick={() => choose(article.id)}
          >
            {article.headline || 'Untitled'} <span className="hint">{article.status}</span>
          </li>
        ))}
        {matches.length === 0 && <li className="hint">No article matches.</li>}
      </ul>
    </Dialog>
  )
}

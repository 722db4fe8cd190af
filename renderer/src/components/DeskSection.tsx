import { useEffect } from 'react'
import { filterDeskStories } from '../../../shared/desk/desk-story-filter'
import { formatPeopleTime } from '../../../shared/format/people-time'
import { useDesk } from '../stores/desk-store'
import { useEditorStore } from '../stores/editor-store'
import type { SearchFilters } from '../stores/use-library-search'
import { Highlighted } from './Highlighted'

/**
 * The desk's stories in the library, under the same search box as the local ones: headline,
 * status, who changed each last and when, and who is in it now. Shown only once a desk address
 * is set; a listing that fails shows why, in place of the list.
 */
export function DeskSection({
  address,
  tokenSet,
  filters,
}: {
  address: string
  tokenSet: boolean
  filters: SearchFilters
}) {
  const { stories, error, loading, refresh, reset, openStory, opening, openProblem } = useDesk()
  const openId = useEditorStore((state) => state.article?.id)

  // A new address or token is a new desk to ask.
  useEffect(() => {
    reset()
    void refresh()
  }, [address, tokenSet, refresh, reset])

  const matches = stories ? filterDeskStories(stories, filters) : []
  const filtered = Boolean(
    filters.text.trim() || filters.status?.length || filters.updatedFrom || filters.updatedTo,
  )
  const unanswerable = Boolean(filters.byline.trim() || filters.section.trim())

  return (
    <section className="desk" aria-labelledby="desk-heading">
      <div className="desk-header">
        <h3 id="desk-heading">Desk</h3>
        <button
          type="button"
          onClick={() => void refresh()}
          disabled={loading}
          aria-label="Refresh the desk’s stories"
          title={address}
        >
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : !stories ? (
        <p className="hint" role="status">
          Asking the desk…
        </p>
      ) : (
        <>
          {unanswerable && (
            <p className="hint">The desk’s list has no bylines or sections to filter by.</p>
          )}
          {stories.length === 0 ? (
            <p className="hint">No stories on the desk yet.</p>
          ) : (
            matches.length === 0 &&
            filtered && <p className="hint">No story on the desk matches.</p>
          )}
          {opening && (
            <p className="hint" role="status">
              Opening from the desk…
            </p>
          )}
          {openProblem && (
            <p className="error" role="alert">
              {openProblem}
            </p>
          )}
          <ul className="article-list desk-stories" aria-label="Desk stories">
            {matches.map(({ story, terms }) => (
              <li key={story.id}>
                <button
                  type="button"
                  className="article-item desk-story"
                  aria-current={story.id === openId ? 'true' : undefined}
                  disabled={opening !== undefined}
                  onClick={() => void openStory(story.id)}
                >
                  <span className="article-headline">
                    <Highlighted text={story.headline || 'Untitled'} terms={terms} />
                  </span>
                  <span className="article-meta">
                    <span className={`status status-${story.status}`}>{story.status}</span>
                    <span>
                      <time dateTime={story.updatedAt}>{formatPeopleTime(story.updatedAt)}</time>
                      {story.updatedBy && ` by ${story.updatedBy}`}
                    </span>
                  </span>
                  {story.present.length > 0 && (
                    <span className="desk-present">In it now: {story.present.join(', ')}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

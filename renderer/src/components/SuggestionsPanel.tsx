import { useEffect, useState } from 'react'
import { Panel } from './Panel'
import { authorColourIndex } from '../../../shared/suggestions/author-colour'
import type { SuggestionSummary } from '../../../shared/suggestions/list-suggestions'
import { useEditorStore } from '../stores/editor-store'
import { unlessUnchanged } from '../stores/unless-unchanged'
import { useEditsAfterPause } from '../stores/use-edits-after-pause'
import { useFieldEditors } from '../stores/field-editors'
import {
  collectSuggestions,
  resolveAllSuggestions,
  resolveSuggestion,
} from '../stores/suggestion-list'
import { suggestionRecord } from '../stores/suggestion-store'
import { formatPeopleTime } from '../../../shared/format/people-time'

/** Reading a long body's suggestions waits for typing (in any field) to pause. */
const LIST_DELAY_MS = 250

/** Every pending suggestion, with who made it and when; accept or reject one or all. */
export function SuggestionsPanel() {
  const tracked = useEditorStore((state) => state.form?.tracked)
  const byline = useEditorStore((state) => state.form?.byline)
  const body = useFieldEditors((state) => state.editors.Body)
  const edits = useEditsAfterPause(LIST_DELAY_MS)
  const [suggestions, setSuggestions] = useState<SuggestionSummary[]>([])

  useEffect(() => {
    if (!tracked || !byline) return
    const timer = setTimeout(() => {
      setSuggestions(unlessUnchanged(collectSuggestions(tracked, byline, body)))
    }, LIST_DELAY_MS)
    return () => clearTimeout(timer)
  }, [tracked, byline, body, edits])

  return (
    <Panel id="suggestions" name="Suggestions" title="Suggestions">
      {suggestions.length === 0 ? (
        <p className="hint">
          No suggestions. Turn on “Suggest edits” to propose changes the desk can accept or reject.
        </p>
      ) : (
        <>
          <span className="version-actions">
            <button type="button" onClick={() => resolveAllSuggestions(true)}>
              Accept all
            </button>
            <button type="button" onClick={() => resolveAllSuggestions(false)}>
              Reject all
            </button>
          </span>
          <ul aria-label="Pending suggestions">
            {suggestions.map((suggestion) => (
              <SuggestionItem key={suggestion.id} suggestion={suggestion} />
            ))}
          </ul>
        </>
      )}
    </Panel>
  )
}

function SuggestionItem({ suggestion }: { suggestion: SuggestionSummary }) {
  const record = suggestionRecord(suggestion.id)
  const author = record?.author || 'unknown'
  const { inserted, deleted, change } = suggestion
  return (
    <li
      className={`suggestion-item suggestion-author-${authorColourIndex(record?.author ?? '')}`}
      aria-label={`${suggestion.field}: suggestion by ${author}`}
    >
      <p>
        <strong>{author}</strong>
        {record && (
          <>
            {' '}
            <time dateTime={record.createdAt}>{formatPeopleTime(record.createdAt)}</time>
          </>
        )}{' '}
        · {suggestion.field}
      </p>
      <p className="suggestion-text">
        {change ? (
          <>
            {change.what}: <del>{change.from || '(empty)'}</del> →{' '}
            <ins>{change.to || '(empty)'}</ins>
          </>
        ) : (
          <>
            {deleted && <del>{deleted}</del>} {inserted && <ins>{inserted}</ins>}
            {!deleted && !inserted && '(a paragraph break)'}
          </>
        )}
      </p>
      <span className="version-actions">
        <button type="button" onClick={() => resolveSuggestion(suggestion, true)}>
          Accept
        </button>
        <button type="button" onClick={() => resolveSuggestion(suggestion, false)}>
          Reject
        </button>
      </span>
    </li>
  )
}

import { useState } from 'react'
import { Panel } from './Panel'
import type { CommentThread } from '../../../shared/article'
import { anchoredText, useCommentStore } from '../stores/comment-store'
import { useEditorStore } from '../stores/editor-store'
import { useEditsAfterPause } from '../stores/use-edits-after-pause'
import { useFieldEditors } from '../stores/field-editors'
import { formatPeopleTime } from '../../../shared/format/people-time'

/** A stable empty list: a selector that returned a new [] each time would re-render forever. */
const NO_THREADS: CommentThread[] = []
/** Quotes of the commented text follow the body once typing pauses this long. */
const ANCHOR_DELAY_MS = 250

/** Comment threads on the body: write, reply, resolve, reopen. Never exported. */
export function CommentsPanel() {
  const threads = useEditorStore((state) => state.form?.comments ?? NO_THREADS)
  // Re-read the anchors when typing pauses, and only when there are threads to anchor.
  useEditsAfterPause(ANCHOR_DELAY_MS, threads.length > 0)
  const body = useFieldEditors((state) => state.editors.Body)
  const { pending, cancel, post } = useCommentStore()
  const [draft, setDraft] = useState('')
  const quotes = threads.length ? anchoredText(body) : new Map<string, string>()

  return (
    <Panel id="comments" name="Comments" title="Comments">
      {pending && (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault()
            post(draft)
            setDraft('')
          }}
        >
          <blockquote>{pending.quote}</blockquote>
          <textarea
            aria-label="New comment"
            rows={3}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoFocus
          />
          <span className="version-actions">
            <button type="submit" className="primary" disabled={!draft.trim()}>
              Post comment
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </span>
        </form>
      )}
      {threads.length === 0 && !pending && (
        <p className="hint">Select text in the body and choose “Add comment”.</p>
      )}
      <ul aria-label="Comment threads">
        {threads.map((thread) => (
          <Thread key={thread.id} thread={thread} quote={quotes.get(thread.id)} />
        ))}
      </ul>
    </Panel>
  )
}

function Thread({ thread, quote }: { thread: CommentThread; quote: string | undefined }) {
  const { reply, setResolved } = useCommentStore()
  const [answer, setAnswer] = useState('')
  return (
    <li
      className={thread.resolved ? 'thread resolved' : 'thread'}
      aria-label={`Comment by ${thread.author || 'unknown'}`}
    >
      <blockquote>{quote ?? '(the commented text was deleted)'}</blockquote>
      <p>
        <strong>{thread.author || 'unknown'}</strong>{' '}
        <time dateTime={thread.createdAt}>{formatPeopleTime(thread.createdAt)}</time>
      </p>
      <p>{thread.text}</p>
      {thread.replies.map((entry) => (
        <div key={entry.id} className="reply">
          <p>
            <strong>{entry.author || 'unknown'}</strong>{' '}
            <time dateTime={entry.createdAt}>{formatPeopleTime(entry.createdAt)}</time>
          </p>
          <p>{entry.text}</p>
        </div>
      ))}
      {thread.resolved ? (
        <p className="hint">Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}</p>
      ) : (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault()
            reply(thread.id, answer)
            setAnswer('')
          }}
        >
          <input
            aria-label="Reply"
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
            placeholder="Reply"
          />
          <button type="submit" disabled={!answer.trim()}>
            Send reply
          </button>
        </form>
      )}
      <button type="button" onClick={() => setResolved(thread.id, !thread.resolved)}>
        {thread.resolved ? 'Reopen' : 'Resolve'}
      </button>
    </li>
  )
}

import { useRef, useState } from 'react'
import {
  QUOTE_RECORD_KINDS,
  SOURCE_CHANNELS,
  type QuoteLogEntry,
  type QuoteRecordKind,
  type Source,
  type SourceChannel,
} from '../../../shared/article'
import { formatPeopleTime } from '../../../shared/format/people-time'
import { client } from '../api/client'
import { quoteLines, type QuoteLine } from '../../../shared/quotes/quote-log'
import { useStoryQuotes } from '../editor/use-story-quotes'
import { useEditorStore } from '../stores/editor-store'
import {
  addSource,
  changeQuote,
  removeQuoteEntry,
  removeSource,
  setQuoteChecked,
  updateSource,
  type SourceDetails,
} from '../stores/source-log'
import { Panel } from './Panel'

const NO_SOURCES: Source[] = []
const NO_QUOTES: QuoteLogEntry[] = []
const BLANK_SOURCE: SourceDetails = {
  name: '',
  role: '',
  reached: 'phone',
  contact: '',
  notes: '',
}

/** A quote named by its first words, for labels and lists. */
const opening = (quote: string) => (quote.length > 40 ? `${quote.slice(0, 39)}…` : quote)

/**
 * The story's sources, and each quote in the text with who said it, when, where the record is
 * and whether the desk has checked it. Never exported: it stays with the story's own file.
 */
export function SourcesPanel() {
  const sources = useEditorStore((state) => state.form?.sources ?? NO_SOURCES)
  const entries = useEditorStore((state) => state.form?.quotes ?? NO_QUOTES)
  const readOnly = useEditorStore((state) => state.lock?.editable === false)
  const lines = quoteLines(useStoryQuotes(), entries, sources)
  const inText = lines.filter((line) => line.field !== undefined)
  const unattributed = inText.filter((line) => !line.source).length
  const unchecked = inText.filter((line) => !line.entry?.checked).length
  const [adding, setAdding] = useState(false)

  return (
    <Panel id="sources" name="Sources" title="Sources">
      <fieldset className="source-log" disabled={readOnly}>
        <ul aria-label="Sources in this story">
          {sources.map((source) => (
            <SourceItem key={source.id} source={source} />
          ))}
        </ul>
        {adding ? (
          <SourceForm
            label="New source"
            initial={BLANK_SOURCE}
            submitLabel="Add source"
            onSubmit={(details) => {
              addSource(details)
              setAdding(false)
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Add a source
          </button>
        )}
        <h3>Quotes</h3>
        <p className="hint" role="status" aria-label="Quote checks">
          {inText.length === 0
            ? 'No quotes in the text yet: words in quotation marks are listed here as you write.'
            : `${inText.length} quote${inText.length === 1 ? '' : 's'}: ${unattributed} without a source, ${unchecked} not checked.`}
        </p>
        <ul aria-label="Quotes">
          {lines.map((line) => (
            <QuoteItem key={line.entry?.id ?? line.quote} line={line} sources={sources} />
          ))}
        </ul>
      </fieldset>
    </Panel>
  )
}

function SourceItem({ source }: { source: Source }) {
  const [editing, setEditing] = useState(false)
  if (editing)
    return (
      <li>
        <SourceForm
          label={`Edit ${source.name}`}
          initial={source}
          submitLabel="Save source"
          onSubmit={(details) => {
            updateSource(source.id, details)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    )
  return (
    <li className="source" aria-label={source.name}>
      <p>
        <strong>{source.name}</strong>
        {source.role && `, ${source.role}`} <span className="hint">({source.reached})</span>
      </p>
      {source.contact && <p>{source.contact}</p>}
      {source.notes && <p className="hint">{source.notes}</p>}
      <span className="version-actions">
        <button type="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" onClick={() => removeSource(source.id)}>
          Remove
        </button>
      </span>
    </li>
  )
}

function SourceForm({
  label,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string
  initial: SourceDetails
  submitLabel: string
  onSubmit(details: SourceDetails): void
  onCancel(): void
}) {
  const [details, setDetails] = useState<SourceDetails>({
    name: initial.name,
    role: initial.role,
    reached: initial.reached,
    contact: initial.contact,
    notes: initial.notes,
  })
  const field = (key: 'name' | 'role' | 'contact', text: string) => (
    <label className="field">
      <span>{text}</span>
      <input
        type="text"
        value={details[key]}
        onChange={(event) => setDetails({ ...details, [key]: event.target.value })}
      />
    </label>
  )
  return (
    <form
      className="source-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
        if (details.name.trim())
          onSubmit({ ...details, name: details.name.trim(), role: details.role.trim() })
      }}
    >
      {field('name', 'Name')}
      {field('role', 'Role')}
      <label className="field">
        <span>How reached</span>
        <select
          value={details.reached}
          onChange={(event) =>
            setDetails({ ...details, reached: event.target.value as SourceChannel })
          }
        >
          {SOURCE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channel}
            </option>
          ))}
        </select>
      </label>
      {field('contact', 'Contact')}
      <label className="field">
        <span>Notes</span>
        <textarea
          rows={2}
          value={details.notes}
          onChange={(event) => setDetails({ ...details, notes: event.target.value })}
        />
      </label>
      <span className="version-actions">
        <button type="submit" className="primary" disabled={!details.name.trim()}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  )
}

function QuoteItem({ line, sources }: { line: QuoteLine; sources: Source[] }) {
  const { quote, entry, field } = line
  const name = opening(quote)
  const record = entry?.record
  const articleId = useEditorStore((state) => state.article?.id)
  const recordingInput = useRef<HTMLInputElement>(null)
  const [attachProblem, setAttachProblem] = useState<string>()
  const attach = async (file: File | undefined) => {
    if (!file || !articleId) return
    const kept = await client.invoke('source:attach-recording', {
      articleId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })
    setAttachProblem(kept.ok ? undefined : kept.error.message)
    if (kept.ok) setRecord({ kind: 'recording', where: kept.value.path })
  }
  const setRecord = (patch: Partial<NonNullable<QuoteLogEntry['record']>>) =>
    changeQuote(quote, {
      record: { kind: record?.kind ?? 'recording', where: '', at: '', ...record, ...patch },
    })
  return (
    <li className={line.source ? 'quote' : 'quote unattributed'} aria-label={`Quote: ${name}`}>
      <blockquote>{quote}</blockquote>
      {field === undefined && (
        <p className="hint">
          No longer in the story.{' '}
          {entry && (
            <button type="button" onClick={() => removeQuoteEntry(entry.id)}>
              Remove from the log
            </button>
          )}
        </p>
      )}
      <label className="field">
        <span>Said by</span>
        <select
          value={entry?.sourceId ?? ''}
          onChange={(event) => changeQuote(quote, { sourceId: event.target.value || undefined })}
        >
          <option value="">No source yet</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.name}
            </option>
          ))}
        </select>
      </label>
      {entry?.sourceId && (
        <>
          <label className="field">
            <span>When said</span>
            <input
              type="text"
              placeholder="4 Dec, 14:10"
              value={entry.saidAt}
              onChange={(event) => changeQuote(quote, { saidAt: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Record</span>
            <select
              value={record?.kind ?? ''}
              onChange={(event) =>
                event.target.value
                  ? setRecord({ kind: event.target.value as QuoteRecordKind })
                  : changeQuote(quote, { record: undefined })
              }
            >
              <option value="">None</option>
              {QUOTE_RECORD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          </label>
          {record && (
            <label className="field">
              <span>{record.kind === 'link' ? 'Address' : 'Where it is'}</span>
              <input
                type="text"
                placeholder={record.kind === 'recording' ? 'interview.m4a' : ''}
                value={record.where}
                onChange={(event) => setRecord({ where: event.target.value })}
              />
            </label>
          )}
          {record?.kind === 'recording' && (
            <>
              <button type="button" onClick={() => recordingInput.current?.click()}>
                Keep a recording with the story…
              </button>
              <input
                ref={recordingInput}
                type="file"
                accept="audio/*"
                hidden
                aria-label="Recording file"
                onChange={(event) => void attach(event.target.files?.[0])}
              />
              {attachProblem && <p role="alert">{attachProblem}</p>}
            </>
          )}
          {record?.kind === 'recording' && (
            <label className="field">
              <span>At</span>
              <input
                type="text"
                placeholder="12:40"
                value={record.at}
                onChange={(event) => setRecord({ at: event.target.value })}
              />
            </label>
          )}
        </>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={entry?.checked !== undefined}
          onChange={(event) => setQuoteChecked(quote, event.target.checked)}
        />
        Checked
      </label>
      {entry?.checked && (
        <p className="hint">
          Checked by {entry.checked.by || 'unknown'},{' '}
          <time dateTime={entry.checked.at}>{formatPeopleTime(entry.checked.at)}</time>
        </p>
      )}
    </li>
  )
}

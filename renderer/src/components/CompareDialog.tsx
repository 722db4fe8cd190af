import { useEffect, useState } from 'react'
import type { ArticleFields, TiptapNode } from '../../../shared/article'
import { VERSION_REASON_NAMES, type VersionSummary } from '../../../shared/history/version'
import { diffArticles, type FieldDiff } from '../../../shared/history/word-diff'
import { formatPeopleTime } from '../../../shared/format/people-time'
import { client } from '../api/client'
import { fieldsFromForm } from '../stores/article-form'
import { currentBody, useEditorStore } from '../stores/editor-store'
import { Dialog } from './Dialog'

const CURRENT = 'current'

interface Props {
  articleId: string
  versions: VersionSummary[]
  initial: string
  onClose: () => void
}

async function fieldsOf(articleId: string, choice: string): Promise<ArticleFields | string> {
  if (choice === CURRENT) {
    const state = useEditorStore.getState()
    if (!state.form || !state.article) return 'No article is open.'
    const fields = fieldsFromForm(state.form, currentBody(state))
    return { ...fields, body: JSON.parse(fields.body) as TiptapNode }
  }
  const version = await client.invoke('version:open', { articleId, versionId: choice })
  return version.ok ? version.value.fields : version.error.message
}

/** Two states of the story side by side in one text: removed words struck, added words marked. */
export function CompareDialog({ articleId, versions, initial, onClose }: Props) {
  const [older, setOlder] = useState(initial)
  const [newer, setNewer] = useState(CURRENT)
  const [diff, setDiff] = useState<FieldDiff[] | string>()

  useEffect(() => {
    let current = true
    void Promise.all([fieldsOf(articleId, older), fieldsOf(articleId, newer)]).then(
      ([before, after]) => {
        if (!current) return
        if (typeof before === 'string') return setDiff(before)
        if (typeof after === 'string') return setDiff(after)
        setDiff(diffArticles(before, after))
      },
    )
    return () => {
      current = false
    }
  }, [articleId, older, newer])

  const options = [
    <option key={CURRENT} value={CURRENT}>
      Current text
    </option>,
    ...versions.map((version) => (
      <option key={version.id} value={version.id}>
        {version.label || VERSION_REASON_NAMES[version.reason]} (
        {formatPeopleTime(version.createdAt)})
      </option>
    )),
  ]
  const changed = typeof diff === 'object' ? diff.filter((field) => field.changed) : []

  return (
    <Dialog label="Compare versions" onClose={onClose}>
      <h2>Compare versions</h2>
      <div className="compare-choices">
        <label>
          <span>From</span>
          <select value={older} onChange={(event) => setOlder(event.target.value)}>
            {options}
          </select>
        </label>
        <label>
          <span>To</span>
          <select value={newer} onChange={(event) => setNewer(event.target.value)}>
            {options}
          </select>
        </label>
      </div>
      {typeof diff === 'string' && (
        <p role="alert" className="error">
          {diff}
        </p>
      )}
      {typeof diff === 'object' && changed.length === 0 && <p>No differences.</p>}
      <div className="diff">
        {changed.map((field) => (
          <section key={field.field} aria-label={`Changes to ${field.label}`}>
            <h3>{field.label}</h3>
            <p>
              {field.parts.map((part, index) =>
                part.kind === 'added' ? (
                  <ins key={index}>{part.text}</ins>
                ) : part.kind === 'removed' ? (
                  <del key={index}>{part.text}</del>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </p>
          </section>
        ))}
      </div>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Dialog>
  )
}

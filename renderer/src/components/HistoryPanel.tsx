import { Suspense, useEffect, useState } from 'react'
import { Panel } from './Panel'
import { useCommand } from '../commands/command-registry'
import { VERSION_REASON_NAMES, type VersionSummary } from '../../../shared/history/version'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { unlessUnchanged } from '../stores/unless-unchanged'
import { CompareDialog } from './later'
import { formatPeopleTime } from '../../../shared/format/people-time'

/** Earlier versions of the story: save one, compare any two, restore one. */
export function HistoryPanel({ articleId }: { articleId: string }) {
  const save = useEditorStore((state) => state.save)
  const restoreVersion = useEditorStore((state) => state.restoreVersion)
  // Another desk, window or tab is editing: its text is not for restoring or versioning here.
  const readOnly = useEditorStore((state) => state.lock?.editable === false)
  const [versions, setVersions] = useState<VersionSummary[]>([])
  const [label, setLabel] = useState('')
  const [comparing, setComparing] = useState<string>()
  const [problem, setProblem] = useState<string>()

  const [listed, setListed] = useState(0)

  // The list follows every save and every version saved here (listed). Saves are followed
  // without re-rendering the panel, and an unchanged list is not rendered again: a save
  // usually makes no version, and each React commit costs a walk over the whole body.
  useEffect(() => {
    let current = true
    const refresh = () =>
      void client.invoke('version:list', { articleId }).then((result) => {
        if (!current || !result.ok) return
        setVersions(unlessUnchanged(result.value))
      })
    refresh()
    const stop = useEditorStore.subscribe(
      (state, previous) => state.article?.revision !== previous.article?.revision && refresh(),
    )
    return () => {
      current = false
      stop()
    }
  }, [articleId, listed])

  const saveVersion = async () => {
    if (!(await save()))
      return setProblem('Save the article first; the save status says why it could not be saved.')
    const result = await client.invoke('version:create', { articleId, label })
    if (!result.ok) return setProblem(result.error.message)
    setProblem(undefined)
    setLabel('')
    setListed((count) => count + 1)
  }
  useCommand('version:save', () => saveVersion())

  return (
    <Panel id="history" name="History" title="History">
      <div className="history-save">
        <input
          aria-label="Version label"
          placeholder="Label (optional)"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <button type="button" disabled={readOnly} onClick={() => void saveVersion()}>
          Save version
        </button>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <ul aria-label="Versions">
        {versions.map((version) => {
          const title = version.label || VERSION_REASON_NAMES[version.reason]
          return (
            <li key={version.id}>
              <span className="version-title">{title}</span>
              <span className="version-meta">
                <time dateTime={version.createdAt}>{formatPeopleTime(version.createdAt)}</time> ·{' '}
                {version.author || 'unknown'} · {version.status}
              </span>
              <span className="version-actions">
                <button
                  type="button"
                  aria-label={`Compare ${title}`}
                  onClick={() => setComparing(version.id)}
                >
                  Compare
                </button>
                <button
                  type="button"
                  aria-label={`Restore ${title}`}
                  disabled={readOnly}
                  // Listed again after: a shared story's restore changes no revision here.
                  onClick={() =>
                    void restoreVersion(version.id).then(() => setListed((count) => count + 1))
                  }
                >
                  Restore
                </button>
              </span>
            </li>
          )
        })}
        {versions.length === 0 && <li className="hint">No versions yet.</li>}
      </ul>
      <Suspense fallback={null}>
        {comparing && (
          <CompareDialog
            articleId={articleId}
            versions={versions}
            initial={comparing}
            onClose={() => setComparing(undefined)}
          />
        )}
      </Suspense>
    </Panel>
  )
}

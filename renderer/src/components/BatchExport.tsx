import { useEffect, useState } from 'react'
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
} from '../../../shared/export/formats'
import type { BatchExport as BatchResult } from '../../../shared/export/batch-export'
import { client } from '../api/client'
import { download } from './download'

/** Exports the articles ticked in the library as one zip, and says which were left out and why. */
export function BatchExport({ ids }: { ids: string[] }) {
  const [format, setFormat] = useState<ExportFormat>('package')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<BatchResult>()
  const [problem, setProblem] = useState<string>()
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  useEffect(() => client.on('export:progress', setProgress), [])

  const run = async () => {
    setBusy(true)
    setProblem(undefined)
    setProgress(undefined)
    const result = await client.invoke('articles:export', { ids, format })
    setBusy(false)
    if (!result.ok) return setProblem(result.error.message)
    download(result.value.file)
    setOutcome(result.value)
  }

  return (
    <section className="batch-export" aria-label="Batch export">
      <label className="inline-field">
        <span>Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {EXPORT_FORMAT_INFO[value].label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy || ids.length === 0} onClick={() => void run()}>
        {busy ? 'Exporting…' : `Export selected (${ids.length})`}
      </button>
      {busy && progress && (
        <progress aria-label="Export progress" value={progress.done} max={progress.total}>
          {progress.done} of {progress.total}
        </progress>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {outcome && (
        <div role="status">
          <p>
            Exported {outcome.exported} article{outcome.exported === 1 ? '' : 's'}.
          </p>
          {outcome.skipped.length > 0 && (
            <ul aria-label="Not exported">
              {outcome.skipped.map((entry) => (
                <li key={entry.id}>
                  <strong>{entry.title}</strong>: {entry.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}

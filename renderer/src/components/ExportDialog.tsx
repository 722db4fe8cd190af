import { useEffect, useState } from 'react'
import { notify } from '../stores/notices'
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  isTextFormat,
  type ExportFormat,
  type TextFormat,
} from '../../../shared/export/formats'
import type { PreflightItem, PreflightReport } from '../../../shared/export/preflight'
import { client } from '../api/client'
import { focusTarget } from '../editor/focus-target'
import { useEditorStore } from '../stores/editor-store'
import { Dialog } from './Dialog'
import { download } from './download'

const PREVIEWABLE = EXPORT_FORMATS.filter(isTextFormat)

/**
 * Export: the preflight checklist (each item takes you to the place to fix it), a preview of
 * each text format, the formats to export, then one download or save per file.
 */
export function ExportDialog({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const save = useEditorStore((state) => state.save)
  const [report, setReport] = useState<PreflightReport>()
  const [problem, setProblem] = useState<string>()
  const [chosen, setChosen] = useState<Set<ExportFormat>>(new Set(['package']))
  const [force, setForce] = useState(false)
  const [withChanges, setWithChanges] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string>()
  const [previewFormat, setPreviewFormat] = useState<TextFormat>('html')
  const [preview, setPreview] = useState<{ format: TextFormat; content: string }>()

  useEffect(() => {
    let current = true
    void (async () => {
      if (!(await save())) return current && setProblem('Save the article before exporting it.')
      const result = await client.invoke('article:preflight', { id: articleId })
      if (!current) return
      if (result.ok) setReport(result.value)
      else setProblem(result.error.message)
    })()
    return () => {
      current = false
    }
  }, [articleId, save])

  useEffect(() => {
    let current = true
    void client
      .invoke('article:export', { id: articleId, format: previewFormat, force: true })
      .then((result) => {
        const content = result.ok ? result.value.content : result.error.message
        if (current) setPreview({ format: previewFormat, content })
      })
    return () => {
      current = false
    }
  }, [articleId, previewFormat])

  const blocking = report?.items.filter((item) => item.severity === 'blocking') ?? []
  // A Word file with changes carries the suggestions: they do not stop it.
  const carriesChanges = (format: ExportFormat) => withChanges && format === 'docx'
  const stopping = [...chosen].flatMap((format) =>
    blocking.filter((item) => !(carriesChanges(format) && item.code === 'suggestions')),
  )
  const overridable = stopping.every((item) => item.overridable)
  const mayExport = report !== undefined && (stopping.length === 0 || (force && overridable))

  const jumpTo = (item: PreflightItem) => {
    onClose()
    // After the dialog has closed and handed focus back.
    setTimeout(() => focusTarget(item.target), 0)
  }

  const exportChosen = async () => {
    setBusy(true)
    setProblem(undefined)
    const written: string[] = []
    const notes = new Set<string>()
    for (const format of EXPORT_FORMATS.filter((candidate) => chosen.has(candidate))) {
      const result = await client.invoke('article:export', {
        id: articleId,
        format,
        force,
        ...(carriesChanges(format) && { withChanges: true }),
      })
      if (!result.ok) {
        setProblem(result.error.message)
        break
      }
      download(result.value)
      written.push(result.value.fileName)
      for (const note of result.value.notes ?? []) notes.add(note)
    }
    setBusy(false)
    if (written.length) {
      // "This file has no pictures…": said where the person looks, not only in the file.
      const said = [`Exported ${written.join(', ')}.`, ...notes].join(' ')
      setDone(said)
      notify(
        `Exported ${written.join(', ')} to your downloads.${[...notes].map((note) => ` ${note}`).join('')}`,
      )
    }
  }

  const toggle = (format: ExportFormat) =>
    setChosen((previous) => {
      const next = new Set(previous)
      if (next.has(format)) next.delete(format)
      else next.add(format)
      return next
    })

  return (
    <Dialog label="Export" onClose={onClose}>
      <h2>Export</h2>
      {!report && !problem && <p className="hint">Checking the story…</p>}
      {report && (
        <>
          <p>
            {report.items.length === 0
              ? 'Preflight: all clear.'
              : `Preflight: ${report.blocking} blocking, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}.`}
          </p>
          <ul aria-label="Preflight" className="preflight">
            {report.items.map((item, index) => (
              <li key={`${item.code}-${index}`} className={`preflight-${item.severity}`}>
                <span className="preflight-severity">
                  {item.severity === 'blocking' ? 'Blocking' : 'Warning'}
                </span>{' '}
                <button type="button" className="link" onClick={() => jumpTo(item)}>
                  {item.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <fieldset className="export-formats">
        <legend>Formats</legend>
        {EXPORT_FORMATS.map((format) => (
          <label key={format}>
            <input type="checkbox" checked={chosen.has(format)} onChange={() => toggle(format)} />
            {EXPORT_FORMAT_INFO[format].label}
          </label>
        ))}
      </fieldset>
      {chosen.has('docx') && (
        <label>
          <input
            type="checkbox"
            checked={withChanges}
            onChange={() => setWithChanges(!withChanges)}
          />{' '}
          Word: suggestions as tracked changes, comments as Word comments
        </label>
      )}
      {stopping.length > 0 && overridable && (
        <label>
          <input type="checkbox" checked={force} onChange={() => setForce(!force)} /> Export despite
          the blocking problems
        </label>
      )}
      <details className="export-preview">
        <summary>Preview</summary>
        <label className="inline-field">
          <span>Preview format</span>
          <select
            value={previewFormat}
            onChange={(event) => setPreviewFormat(event.target.value as TextFormat)}
          >
            {PREVIEWABLE.map((format) => (
              <option key={format} value={format}>
                {EXPORT_FORMAT_INFO[format].label}
              </option>
            ))}
          </select>
        </label>
        <pre aria-label="Preview" tabIndex={0}>
          {preview?.format === previewFormat ? preview.content : 'Loading…'}
        </pre>
      </details>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      <div className="dialog-buttons">
        <button
          type="button"
          className="primary"
          disabled={!mayExport || chosen.size === 0 || busy}
          onClick={() => void exportChosen()}
        >
          {busy ? 'Exporting…' : 'Export files'}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

import { useState } from 'react'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { useSuggestMode } from '../stores/suggestion-store'
import { ExportDialog } from './ExportDialog'
import { useCommand } from '../commands/command-registry'

export function ArticleToolbar({ articleId }: { articleId: string }) {
  const save = useEditorStore((state) => state.save)
  const open = useEditorStore((state) => state.open)
  const close = useEditorStore((state) => state.close)
  const suggesting = useSuggestMode((state) => state.enabled)
  const setSuggesting = useSuggestMode((state) => state.setEnabled)
  const [exporting, setExporting] = useState(false)
  useCommand('article:export', () => setExporting(true))
  const [problem, setProblem] = useState<string>()

  const run = async (action: () => Promise<string | undefined>) => setProblem(await action())

  const duplicate = () =>
    run(async () => {
      if (!(await save())) return 'Save the article before duplicating it.'
      const result = await client.invoke('article:duplicate', { id: articleId })
      if (!result.ok) return result.error.message
      await open(result.value.id)
      return undefined
    })

  const trash = () =>
    run(async () => {
      if (!(await close()))
        return 'The article could not be saved, so it was not moved to the trash.'
      const result = await client.invoke('article:trash', { id: articleId })
      return result.ok ? undefined : result.error.message
    })

  return (
    <div className="toolbar" role="toolbar" aria-label="Article actions">
      <button type="button" className="primary" onClick={() => void save()} title="Save (Ctrl+S)">
        Save
      </button>
      <button
        type="button"
        aria-pressed={suggesting}
        className={suggesting ? 'toggle on' : 'toggle'}
        onClick={() => setSuggesting(!suggesting)}
        title="Record edits as suggestions for the desk to accept or reject"
      >
        Suggest edits
      </button>
      <button type="button" onClick={() => setExporting(true)}>
        Export
      </button>
      {exporting && <ExportDialog articleId={articleId} onClose={() => setExporting(false)} />}
      <button type="button" onClick={() => void duplicate()}>
        Duplicate
      </button>
      <button type="button" className="danger" onClick={() => void trash()}>
        Move to trash
      </button>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  )
}

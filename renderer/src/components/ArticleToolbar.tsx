import { Suspense, useState } from 'react'
import { COMMANDS } from '../../../shared/commands/commands'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { useSettings } from '../stores/settings-store'
import { notify } from '../stores/notices'
import { useSuggestMode } from '../stores/suggestion-store'
import { useSuggestionSlot } from '../editor/suggestion-slot'
import { ExportDialog } from './later'
import { useCommand } from '../commands/command-registry'
import { ToolButton, ToolGroup } from './icons/ToolButton'

/** Takes an article out of the trash and opens it again: Undo after Move to trash. */
async function restoreFromTrash(id: string, headline: string) {
  const restored = await client.invoke('article:restore', { id })
  if (!restored.ok) {
    notify(`“${headline}” could not be restored: ${restored.error.message}`, 'error')
    return
  }
  await useEditorStore.getState().open(restored.value.id)
}

export function ArticleToolbar({ articleId }: { articleId: string }) {
  const save = useEditorStore((state) => state.save)
  const open = useEditorStore((state) => state.open)
  const close = useEditorStore((state) => state.close)
  const suggesting = useSuggestMode((state) => state.enabled)
  const setSuggesting = useSuggestMode((state) => state.setEnabled)
  const setSuggestionSlot = useSuggestionSlot((state) => state.setSlot)
  const [exporting, setExporting] = useState(false)
  useCommand('article:export', () => setExporting(true))
  const [problem, setProblem] = useState<string>()
  const deskAddress = useSettings((state) => state.settings?.deskAddress ?? '')
  const shared = useEditorStore((state) => state.shared !== undefined)
  const [sending, setSending] = useState(false)

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
      // Named as the library names it, from the headline as it stands on screen.
      const headline = useEditorStore.getState().form?.headline.trim() || 'Untitled'
      if (!(await close()))
        return 'The article could not be saved, so it was not moved to the trash.'
      const result = await client.invoke('article:trash', { id: articleId })
      // The story has closed, and this toolbar with it: the reason goes where it can be read.
      if (!result.ok) {
        notify(`“${headline}” was not moved to the trash: ${result.error.message}`, 'error')
        return undefined
      }
      notify(`Moved “${headline}” to the trash.`, 'info', {
        label: 'Undo',
        run: () => restoreFromTrash(articleId, headline),
      })
      return undefined
    })

  const sendToDesk = () =>
    run(async () => {
      if (!(await save())) return 'Save the article before sending it to the desk.'
      setSending(true)
      const sent = await client.invoke('desk:send', { id: articleId })
      setSending(false)
      if (!sent.ok) return `Not sent to the desk: ${sent.error.message}`
      // Opened again, now as the shared story: every change from here on goes to the desk.
      await open(articleId, { again: true })
      notify(`Sent “${sent.value.headline || 'Untitled'}” to the desk.`, 'info')
      return undefined
    })

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Article actions">
        <ToolGroup label="File">
          <ToolButton
            label="Save"
            icon="save"
            keys={COMMANDS['article:save'].accelerator}
            className="primary"
            onClick={() => void save()}
          />
          <ToolButton
            label="Export"
            icon="export"
            keys={COMMANDS['article:export'].accelerator}
            onClick={() => setExporting(true)}
          />
          <ToolButton label="Duplicate" icon="duplicate" onClick={() => void duplicate()} />
          {deskAddress && !shared && (
            <ToolButton
              label="Send to desk"
              icon="desk"
              disabled={sending}
              hint="share this story live with the desk; this computer keeps a copy to work on offline"
              onClick={() => void sendToDesk()}
            />
          )}
        </ToolGroup>
        <ToolGroup label="Review">
          <ToolButton
            label="Suggest edits"
            icon="suggest"
            pressed={suggesting}
            className="toggle"
            hint="record edits as suggestions for the desk to accept or reject"
            onClick={() => setSuggesting(!suggesting)}
          />
        </ToolGroup>
        <ToolGroup label="Remove">
          <ToolButton
            label="Move to trash"
            icon="trash"
            className="danger"
            onClick={() => void trash()}
          />
        </ToolGroup>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </div>
      <Suspense fallback={null}>
        {exporting && <ExportDialog articleId={articleId} onClose={() => setExporting(false)} />}
      </Suspense>
      {/* The suggestion at the cursor is offered here, in sight and off the text. */}
      <div className="suggestion-slot" ref={setSuggestionSlot} aria-live="polite" />
    </>
  )
}

import { BodyEditor } from '../editor/BodyEditor'
import { SingleLineEditor } from '../editor/SingleLineEditor'
import { useEffect, useState } from 'react'
import type { TrackedLine } from '../../../shared/article'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { useSuggestModeInFields } from '../stores/use-suggest-mode-in-fields'
import { useSettings } from '../stores/settings-store'
import { ArticleToolbar } from './ArticleToolbar'
import { BylineEditor } from './BylineEditor'
import { ConflictNotice } from './ConflictNotice'
import { LockNotice } from './LockNotice'
import { useFieldEditors } from '../stores/field-editors'
import { MetadataPanel } from './MetadataPanel'
import { SaveStatus } from './SaveStatus'
import { FindReplaceBar } from './FindReplaceBar'
import { useCommand } from '../commands/command-registry'

/** Everything a story has, edited in one place. Leaving any field saves at once. */
export function ArticleEditor() {
  // Narrow selections: a save changes the article's revision, which nothing here shows.
  const articleId = useEditorStore((state) => state.article?.id)
  const openedBody = useEditorStore((state) => state.article?.body)
  const form = useEditorStore((state) => state.form)
  const loadCount = useEditorStore((state) => state.loadCount)
  const shared = useEditorStore((state) => state.shared)
  const edit = useEditorStore((state) => state.edit)
  const save = useEditorStore((state) => state.save)
  const headlineLimit = useSettings((state) => state.settings?.headlineLimit ?? 70)
  const standfirstLimit = useSettings((state) => state.settings?.standfirstLimit ?? 200)
  useSuggestModeInFields()
  const changedOnDisk = useEditorStore((state) => state.changedOnDisk)
  const readOnly = useEditorStore((state) => state.lock?.editable === false)
  const fieldEditors = useFieldEditors((state) => state.editors)
  // Opened again while open: starts afresh with the words now selected.
  const [finding, setFinding] = useState<{ initial: string; opened: number }>()
  useCommand('edit:find', () => {
    const selected = window.getSelection()?.toString().split('\n')[0] ?? ''
    setFinding({ initial: selected, opened: Date.now() })
  })
  useEffect(() => {
    for (const editor of Object.values(fieldEditors)) {
      // Without an update event: switching editability is not an edit.
      if (editor && !editor.isDestroyed && editor.isEditable === readOnly) {
        editor.setEditable(!readOnly, false)
      }
    }
  }, [readOnly, fieldEditors])
  useEffect(
    () =>
      client.on('library:changed', (change) => {
        if (change.id && change.change === 'external')
          void changedOnDisk(change.id, change.summary?.revision)
      }),
    [changedOnDisk],
  )
  if (!articleId || !openedBody || !form) return null

  const editLine =
    (field: 'headline' | 'standfirst') => (text: string, tracked: TrackedLine | undefined) => {
      // The form as it is now: this callback may outlive the render that made it.
      const current = useEditorStore.getState().form
      edit({ [field]: text, tracked: { ...current?.tracked, [field]: tracked } })
    }

  return (
    <div className="article-layout" onBlur={() => void save()}>
      <article className="article-editor" aria-label="Article">
        <LockNotice />
        {/* The save status stays in sight with the actions, however far down the story. */}
        <div className="story-bar">
          <ArticleToolbar articleId={articleId} />
          <SaveStatus />
        </div>
        <ConflictNotice />
        <SingleLineEditor
          key={`headline-${loadCount}`}
          className="headline-field"
          label="Headline"
          value={form.headline}
          tracked={form.tracked.headline}
          limit={headlineLimit}
          placeholder="Headline"
          shared={shared}
          onChange={editLine('headline')}
        />
        <SingleLineEditor
          key={`standfirst-${loadCount}`}
          className="standfirst-field"
          label="Standfirst"
          value={form.standfirst}
          tracked={form.tracked.standfirst}
          limit={standfirstLimit}
          placeholder="One or two sentences that sell the story"
          shared={shared}
          onChange={editLine('standfirst')}
        />
        <fieldset className="plain-fieldset" disabled={readOnly}>
          <BylineEditor byline={form.byline} />
        </fieldset>
        {finding !== undefined && (
          <FindReplaceBar
            key={finding.opened}
            initial={finding.initial}
            onClose={() => setFinding(undefined)}
          />
        )}
        <BodyEditor
          key={`body-${loadCount}`}
          articleId={articleId}
          initialBody={openedBody}
          shared={shared}
        />
      </article>
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <MetadataPanel form={form} />
      </fieldset>
    </div>
  )
}

import { useEffect, useState } from 'react'
import { client } from './api/client'
import { ArticleEditor } from './components/ArticleEditor'
import { LibrarySidebar } from './components/LibrarySidebar'
import { QuickSwitcher } from './components/QuickSwitcher'
import { RecoveryDialog } from './components/RecoveryDialog'
import { SettingsDialog } from './components/SettingsDialog'
import { ShortcutsHelp } from './components/ShortcutsHelp'
import { isDirty, useEditorStore } from './stores/editor-store'
import { useSettings } from './stores/settings-store'
import { useStyleStore } from './stores/style-store'

type Overlay = 'shortcuts' | 'switcher' | 'settings' | undefined

export function App() {
  const hasArticle = useEditorStore((state) => state.article !== undefined)
  const openError = useEditorStore((state) => state.openError)
  const loadSettings = useSettings((state) => state.load)
  const loadStyle = useStyleStore((state) => state.load)
  const [overlay, setOverlay] = useState<Overlay>()

  useEffect(() => {
    void loadSettings()
    void loadStyle()
    const save = () => useEditorStore.getState().save()
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && key === 's') void save()
      else if (mod && key === 'p') setOverlay('switcher')
      else if (event.key === 'F1' || (mod && key === '/')) setOverlay('shortcuts')
      else return
      event.preventDefault()
    }
    // A tab put in the background may be closed without notice: save while we still can.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void save()
    }
    // The browser's own prompt is the last line of defence for unsaved text in a tab.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isDirty(useEditorStore.getState())) event.preventDefault()
    }
    // The desktop app asks before closing the window; it closes only once everything is saved.
    const stopClosing = client.on('window:closing', async () => {
      if (await save()) await client.invoke('window:close', {})
    })
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      stopClosing()
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [loadSettings, loadStyle])

  return (
    <div className="app">
      <LibrarySidebar onOpenSettings={() => setOverlay('settings')} />
      <main className="story" aria-label="Story">
        {openError && (
          <p role="alert" className="error">
            {openError}
          </p>
        )}
        {hasArticle ? (
          <ArticleEditor />
        ) : (
          <p className="hint empty">
            Open an article from the library, or start a new one. Press F1 for keyboard shortcuts.
          </p>
        )}
      </main>
      {overlay === 'shortcuts' && <ShortcutsHelp onClose={() => setOverlay(undefined)} />}
      {overlay === 'switcher' && <QuickSwitcher onClose={() => setOverlay(undefined)} />}
      {overlay === 'settings' && <SettingsDialog onClose={() => setOverlay(undefined)} />}
      <RecoveryDialog />
    </div>
  )
}

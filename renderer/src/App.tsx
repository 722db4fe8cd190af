import { useEffect } from 'react'
import { ArticleEditor } from './components/ArticleEditor'
import { LibrarySidebar } from './components/LibrarySidebar'
import { isDirty, useEditorStore } from './stores/editor-store'
import { useSettings } from './stores/settings-store'

export function App() {
  const hasArticle = useEditorStore((state) => state.article !== undefined)
  const openError = useEditorStore((state) => state.openError)
  const loadSettings = useSettings((state) => state.load)

  useEffect(() => {
    void loadSettings()
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        void useEditorStore.getState().save()
      }
    }
    // The browser's own prompt is the last line of defence for unsaved text in a tab.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isDirty(useEditorStore.getState())) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [loadSettings])

  return (
    <div className="app">
      <LibrarySidebar />
      <main className="story" aria-label="Story">
        {openError && (
          <p role="alert" className="error">
            {openError}
          </p>
        )}
        {hasArticle ? (
          <ArticleEditor />
        ) : (
          <p className="hint empty">Open an article from the library, or start a new one.</p>
        )}
      </main>
    </div>
  )
}

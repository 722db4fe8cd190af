import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { client } from './api/client'
import { commandForKey, runCommand, useCommand } from './commands/command-registry'
import { Notices } from './components/Notices'
import { notify } from './stores/notices'
import { ArticleEditor } from './components/ArticleEditor'
import { LibrarySidebar } from './components/LibrarySidebar'
import { QuickSwitcher } from './components/QuickSwitcher'
import { NameDialog } from './components/NameDialog'
import { RecoveryDialog, RecoveryNotice } from './components/RecoveryDialog'
import {
  AboutDialog,
  fetchDialogsWhenIdle,
  SettingsDialog,
  ShortcutsHelp,
} from './components/later'
import { isDirty, useEditorStore } from './stores/editor-store'
import { recoverySettled, useRecoveryOffers } from './stores/recovery-offers'
import { useSettings } from './stores/settings-store'
import { useStyleStore } from './stores/style-store'
import { useTheme } from './use-theme'

type Overlay = 'shortcuts' | 'switcher' | 'settings' | 'about' | undefined

/** Whether the person is typing into a story: nothing may then come up over it uninvited. */
const typing = () => useEditorStore.getState().editCount > 0

export function App() {
  const hasArticle = useEditorStore((state) => state.article !== undefined)
  const openError = useEditorStore((state) => state.openError)
  const loadSettings = useSettings((state) => state.load)
  const updateSettings = useSettings((state) => state.update)
  const panelsHidden = useSettings((state) => state.settings?.panelsHidden ?? false)
  const loadStyle = useStyleStore((state) => state.load)
  const [overlay, setOverlay] = useState<Overlay>()
  const [focusMode, setFocusMode] = useState(false)
  const toggleTheme = useTheme()
  /** The story Copydesk opened by itself at start (the one open last time), if any. */
  const openedAtStart = useRef<string>(undefined)
  const [askName, setAskName] = useState(false)

  const save = () => useEditorStore.getState().save()
  // Saving by hand says so; a failed save says why and that the text is kept.
  useCommand('article:save', async () => {
    if (!useEditorStore.getState().article) return
    if (await save()) notify('Saved.')
    else
      notify(
        'Not saved: the save status above the headline says why. Your text stays here and saving is retried.',
        'error',
      )
  })
  useCommand('article:close', () => useEditorStore.getState().close())
  useCommand('article:go-to', () => setOverlay('switcher'))
  useCommand('app:settings', () => setOverlay('settings'))
  useCommand('help:shortcuts', () => setOverlay('shortcuts'))
  useCommand('help:about', () => setOverlay('about'))
  useCommand('view:focus-mode', () => setFocusMode((on) => !on))
  useCommand('view:theme', toggleTheme)
  useCommand('view:panels', () => updateSettings({ panelsHidden: !panelsHidden }))

  // Unsaved work from earlier is the first thing asked for, before the library and the story
  // opened at start (a layout effect runs before any passive effect's request), so its dialog
  // comes up with the library rather than seconds later over whatever the person has begun.
  // Once they have opened or started a story, or typed in the one opened for them, it waits in
  // a notice instead.
  useLayoutEffect(() => {
    const { check, show } = useRecoveryOffers.getState()
    void check().then((offers) => {
      if (offers.length === 0) return
      const { article } = useEditorStore.getState()
      const chosen = article !== undefined && article.id !== openedAtStart.current
      show(chosen || typing() ? 'notice' : 'dialog')
    })
  }, [])

  // No name saved yet: it is asked for once a start, when the settings are in and any recovery
  // is settled, unless the person is typing a story by then (then it is asked next start).
  useEffect(() => {
    const decide = () => {
      const name = useSettings.getState().settings?.displayName
      if (name === undefined || !recoverySettled(useRecoveryOffers.getState())) return
      stop()
      if (name.trim() === '' && !typing()) setAskName(true)
    }
    const stops = [useSettings.subscribe(decide), useRecoveryOffers.subscribe(decide)]
    const stop = () => stops.forEach((unsubscribe) => unsubscribe())
    decide()
    return stop
  }, [])

  useEffect(() => {
    void loadSettings()
    void loadStyle()
    fetchDialogsWhenIdle()
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandForKey(event)
      if (command && runCommand(command)) event.preventDefault()
    }
    // A tab put in the background may be closed without notice: save while we still can.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void save()
    }
    // The browser's own prompt is the last line of defence for unsaved text in a tab.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isDirty(useEditorStore.getState())) event.preventDefault()
    }
    const openArticle = async (id: string, notes: string[], atStart = false) => {
      const { open, openAtStart } = useEditorStore.getState()
      if ((await (atStart ? openAtStart(id) : open(id))) && notes.length) notify(notes.join(' '))
    }
    const stops = [
      // The desktop app asks before closing the window; it closes only once everything is saved.
      client.on('window:closing', async () => {
        if (await save()) await client.invoke('window:close', {})
      }),
      // The desktop menu runs the same commands as the keys and buttons.
      client.on('app:command', ({ command }) => void runCommand(command)),
      client.on('app:open-article', ({ id, notes }) => void openArticle(id, notes)),
    ]
    // At start: a file the OS opened with the app, else the article open last time.
    void client.invoke('app:start', {}).then((start) => {
      // Unless the person was quicker and opened or started something already.
      if (start.ok && start.value.open) {
        openedAtStart.current = start.value.open.id
        void openArticle(start.value.open.id, start.value.open.notes, true)
      }
    })
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      for (const stop of stops) stop()
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [loadSettings, loadStyle])

  // Escape leaves focus mode, unless it is closing a dialog or the find bar.
  useEffect(() => {
    if (!focusMode) return
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null
      if (event.key === 'Escape' && !target?.closest('dialog, [role="search"]')) setFocusMode(false)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [focusMode])

  const layout = ['app', focusMode && 'focus-mode', panelsHidden && 'panels-hidden']
  return (
    <div className={layout.filter(Boolean).join(' ')}>
      {!focusMode && <LibrarySidebar onOpenSettings={() => setOverlay('settings')} />}
      <main className="story" aria-label="Story">
        <RecoveryNotice />
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
      {overlay === 'switcher' && <QuickSwitcher onClose={() => setOverlay(undefined)} />}
      <Suspense fallback={null}>
        {overlay === 'shortcuts' && <ShortcutsHelp onClose={() => setOverlay(undefined)} />}
        {overlay === 'settings' && <SettingsDialog onClose={() => setOverlay(undefined)} />}
        {overlay === 'about' && <AboutDialog onClose={() => setOverlay(undefined)} />}
      </Suspense>
      <RecoveryDialog />
      {askName && overlay === undefined && <NameDialog onClose={() => setAskName(false)} />}
      <Notices />
    </div>
  )
}

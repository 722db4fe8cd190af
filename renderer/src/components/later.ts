import { lazy } from 'react'

/**
 * Dialogs no one sees at start, each in a chunk of its own: the page parses less before the
 * story is editable, and fetches them once it is idle, so that the first open waits for nothing.
 */
const settingsDialog = () => import('./SettingsDialog')
const aboutDialog = () => import('./AboutDialog')
const shortcutsHelp = () => import('./ShortcutsHelp')
const exportDialog = () => import('./ExportDialog')
const compareDialog = () => import('./CompareDialog')

export const SettingsDialog = lazy(() =>
  settingsDialog().then((module) => ({ default: module.SettingsDialog })),
)
export const AboutDialog = lazy(() =>
  aboutDialog().then((module) => ({ default: module.AboutDialog })),
)
export const ShortcutsHelp = lazy(() =>
  shortcutsHelp().then((module) => ({ default: module.ShortcutsHelp })),
)
export const ExportDialog = lazy(() =>
  exportDialog().then((module) => ({ default: module.ExportDialog })),
)
export const CompareDialog = lazy(() =>
  compareDialog().then((module) => ({ default: module.CompareDialog })),
)

/** How long the page may stay busy before the dialogs are fetched all the same. */
const FETCH_BY_MS = 5_000

/** Fetches every dialog's chunk once the page has nothing else to do. */
export function fetchDialogsWhenIdle(): void {
  const fetchAll = () =>
    void Promise.all(
      [settingsDialog, aboutDialog, shortcutsHelp, exportDialog, compareDialog].map((load) =>
        // One that fails is fetched again when it is opened, and says so then.
        load().catch(() => undefined),
      ),
    )
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(fetchAll, { timeout: FETCH_BY_MS })
  else setTimeout(fetchAll, FETCH_BY_MS)
}

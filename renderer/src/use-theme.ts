import { useEffect, useState } from 'react'
import { useSettings } from './stores/settings-store'

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

/**
 * Puts the theme in force on the page as `data-theme="light|dark"` on <html>: the setting, or
 * with `system` the operating system's appearance, followed as it changes. Answers a switch
 * between light and dark, kept in the settings.
 */
export function useTheme(): () => Promise<string | undefined> {
  const theme = useSettings((state) => state.settings?.theme ?? 'system')
  const update = useSettings((state) => state.update)
  const [systemDark, setSystemDark] = useState(() => darkQuery().matches)
  useEffect(() => {
    const query = darkQuery()
    const follow = () => setSystemDark(query.matches)
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])
  const dark = theme === 'dark' || (theme === 'system' && systemDark)
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light'
  }, [dark])
  return () => update({ theme: dark ? 'light' : 'dark' })
}

import { useState, type FormEvent } from 'react'
import { client } from '../api/client'
import type { Settings, Theme } from '../../../shared/settings/schema'
import { useSettings } from '../stores/settings-store'
import { Dialog } from './Dialog'

/** The few things a person sets once: their name for bylines and tracked changes, and field limits. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettings((state) => state.settings)
  // The form starts from the saved settings: opened right after a start, before they have
  // arrived, it would show (and on Save write) empty fields over the person's name.
  if (!settings) {
    return (
      <Dialog label="Settings" onClose={onClose}>
        <h2>Settings</h2>
        <p role="status">Loading settings…</p>
      </Dialog>
    )
  }
  return <SettingsForm settings={settings} onClose={onClose} />
}

function SettingsForm({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const load = useSettings((state) => state.load)
  const [displayName, setDisplayName] = useState(settings.displayName ?? '')
  const [headlineLimit, setHeadlineLimit] = useState(String(settings.headlineLimit ?? 70))
  const [standfirstLimit, setStandfirstLimit] = useState(String(settings.standfirstLimit ?? 200))
  const [dictionary, setDictionary] = useState((settings.dictionary ?? []).join('\n'))
  const [language, setLanguage] = useState(settings.language ?? 'en')
  const [imageBaseUrl, setImageBaseUrl] = useState(settings.imageBaseUrl ?? '')
  const [theme, setTheme] = useState<Theme>(settings.theme ?? 'system')
  const [problem, setProblem] = useState<string>()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const result = await client.invoke('settings:update', {
      displayName: displayName.trim(),
      headlineLimit: Number(headlineLimit),
      standfirstLimit: Number(standfirstLimit),
      language: language.trim(),
      imageBaseUrl: imageBaseUrl.trim(),
      theme,
      dictionary: [
        ...new Set(
          dictionary
            .split('\n')
            .map((word) => word.trim())
            .filter(Boolean),
        ),
      ],
    })
    if (!result.ok) return setProblem(result.error.message)
    await load()
    onClose()
  }

  return (
    <Dialog label="Settings" onClose={onClose}>
      <h2>Settings</h2>
      <form className="settings-form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Your name, as it appears in bylines and on tracked changes</span>
          <input
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            autoFocus
          />
        </label>
        <label className="field">
          <span>Theme</span>
          <select value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label className="field">
          <span>Headline limit (characters)</span>
          <input
            type="number"
            min={10}
            max={1000}
            value={headlineLimit}
            onChange={(event) => setHeadlineLimit(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Standfirst limit (characters)</span>
          <input
            type="number"
            min={10}
            max={5000}
            value={standfirstLimit}
            onChange={(event) => setStandfirstLimit(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Language of exports (BCP 47, e.g. en, en-GB)</span>
          <input value={language} onChange={(event) => setLanguage(event.target.value)} />
        </label>
        <label className="field">
          <span>Image base URL for packages (where images will be published; optional)</span>
          <input
            type="url"
            value={imageBaseUrl}
            placeholder="https://cdn.example.com/stories/"
            onChange={(event) => setImageBaseUrl(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Newsroom dictionary: names and terms the spellchecker accepts, one per line</span>
          <textarea
            rows={5}
            value={dictionary}
            onChange={(event) => setDictionary(event.target.value)}
            spellCheck={false}
          />
        </label>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary">
            Save settings
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}

import { useState, type FormEvent } from 'react'
import { client } from '../api/client'
import { DeskAddressSchema, DeskTokenSchema } from '../../../shared/desk/desk-connection'
import type { SettingsAnswer, Theme } from '../../../shared/settings/schema'
import { useDesk } from '../stores/desk-store'
import { useSettings } from '../stores/settings-store'
import { Dialog } from './Dialog'
import { SlotSettings } from './SlotSettings'

/**
 * The few things a person sets once: their name for bylines and tracked changes, field limits,
 * and the desk they work with (its address and their token, which main keeps and never shows).
 */
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

function SettingsForm({ settings, onClose }: { settings: SettingsAnswer; onClose: () => void }) {
  const load = useSettings((state) => state.load)
  const setDeskToken = useSettings((state) => state.setDeskToken)
  const [displayName, setDisplayName] = useState(settings.displayName ?? '')
  const [headlineLimit, setHeadlineLimit] = useState(String(settings.headlineLimit ?? 70))
  const [standfirstLimit, setStandfirstLimit] = useState(String(settings.standfirstLimit ?? 200))
  const [dictionary, setDictionary] = useState((settings.dictionary ?? []).join('\n'))
  const [language, setLanguage] = useState(settings.language ?? 'en')
  const [imageBaseUrl, setImageBaseUrl] = useState(settings.imageBaseUrl ?? '')
  const [quotesMustBeChecked, setQuotesMustBeChecked] = useState(
    settings.quotesMustBeChecked ?? false,
  )
  const [theme, setTheme] = useState<Theme>(settings.theme ?? 'system')
  const [deskAddress, setDeskAddress] = useState(settings.deskAddress ?? '')
  const [deskToken, setDeskTokenField] = useState('')
  const [tokenNote, setTokenNote] = useState<string>()
  const [problem, setProblem] = useState<string>()

  const forgetToken = async () => {
    const failed = await setDeskToken(null)
    if (failed) return setProblem(failed)
    setTokenNote('The desk token was forgotten.')
    useDesk.getState().reset()
    if (settings.deskAddress) void useDesk.getState().refresh()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const address = DeskAddressSchema.safeParse(deskAddress)
    if (!address.success)
      return setProblem(
        'The desk address should look like ws://127.0.0.1:1234 or wss://desk.example.org.',
      )
    const token = deskToken.trim() ? DeskTokenSchema.safeParse(deskToken) : undefined
    if (token && !token.success)
      return setProblem(
        'A desk token is one word with no spaces: paste it as the desk gave it to you.',
      )
    const result = await client.invoke('settings:update', {
      deskAddress: address.data,
      displayName: displayName.trim(),
      headlineLimit: Number(headlineLimit),
      standfirstLimit: Number(standfirstLimit),
      language: language.trim(),
      imageBaseUrl: imageBaseUrl.trim(),
      quotesMustBeChecked,
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
    if (token?.success) {
      const failed = await setDeskToken(token.data)
      if (failed) return setProblem(failed)
    }
    await load()
    // The desk's list is asked again: the address or the token may be new.
    useDesk.getState().reset()
    if (address.data) void useDesk.getState().refresh()
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
          <span>Language of stories and exports (BCP 47, e.g. en, en-GB, sv)</span>
          <input value={language} onChange={(event) => setLanguage(event.target.value)} />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={quotesMustBeChecked}
            onChange={(event) => setQuotesMustBeChecked(event.target.checked)}
          />
          No export until every quote is checked
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
        <SlotSettings />
        <fieldset className="settings-desk">
          <legend>Desk</legend>
          <p className="hint">
            The desk server your newsroom shares stories through, and the token the desk gave you.
          </p>
          <label className="field">
            <span>Desk server address</span>
            <input
              inputMode="url"
              value={deskAddress}
              placeholder="wss://desk.example.org"
              spellCheck={false}
              onChange={(event) => setDeskAddress(event.target.value)}
            />
          </label>
          <label className="field">
            <span>
              {settings.deskTokenSet ? 'New desk token (to replace the one kept)' : 'Desk token'}
            </span>
            <input
              type="password"
              autoComplete="off"
              value={deskToken}
              placeholder={settings.deskTokenSet ? 'A token is kept on this computer' : 'cdk_…'}
              spellCheck={false}
              onChange={(event) => setDeskTokenField(event.target.value)}
            />
          </label>
          <p className="hint" role="status">
            {tokenNote ??
              (settings.deskTokenSet
                ? 'A desk token is kept on this computer.'
                : 'No desk token is kept on this computer.')}
          </p>
          {settings.deskTokenSet && (
            <button type="button" onClick={() => void forgetToken()}>
              Forget desk token
            </button>
          )}
        </fieldset>
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

import { useState, type FormEvent } from 'react'
import { useSettings } from '../stores/settings-store'

/**
 * Asks for the person's name while none is saved: it goes on the bylines of stories they start,
 * on versions and on their comments and suggested edits. Copydesk never guesses it (the login
 * name put "root" in bylines). Not modal: the library stays usable while it waits, out of the
 * way at the foot of the window. "Not now" (or Escape) leaves bylines empty until a name is given;
 * it is asked again next start.
 */
export function NameDialog({ onClose }: { onClose: () => void }) {
  const update = useSettings((state) => state.update)
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string>()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const displayName = name.trim()
    if (!displayName) return setProblem('Type your name, or choose Not now.')
    const failure = await update({ displayName })
    if (failure) return setProblem(failure)
    onClose()
  }

  return (
    <dialog
      open
      aria-label="Your name"
      aria-describedby="name-question-hint"
      className="dialog name-question"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onClose()
      }}
    >
      <form className="settings-form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Your name, as it appears in bylines</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="name"
            maxLength={200}
            autoFocus
          />
        </label>
        <p className="hint" id="name-question-hint">
          New stories are bylined to it, and your versions, comments and suggested edits carry it.
          You can change it in Settings.
        </p>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary">
            Save name
          </button>
          <button type="button" onClick={onClose}>
            Not now
          </button>
        </div>
      </form>
    </dialog>
  )
}

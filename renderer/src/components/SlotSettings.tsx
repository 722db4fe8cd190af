import { useEffect, useRef, useState } from 'react'
import { useSlots } from '../stores/slot-store'

/** The publication's copyfit slots in Settings: those there are, and adding the newsroom's own. */
export function SlotSettings() {
  const { slots, problems, error, load, add } = useSlots()
  const fileInput = useRef<HTMLInputElement>(null)
  const [note, setNote] = useState<string>()
  useEffect(() => {
    void load()
  }, [load])
  const addFile = async (file: File | undefined) => {
    if (!file) return
    const refused = await add(file)
    setNote(refused ?? `Added the slot in ${file.name}.`)
  }
  return (
    <fieldset className="settings-slots">
      <legend>Copyfit slots</legend>
      <p className="hint">
        The print and web slots a story can be given (see the user guide for the YAML format).
      </p>
      <ul aria-label="Slots">
        {slots?.map((slot) => (
          <li key={slot.id}>
            {slot.name} <span className="hint">({slot.kind})</span>
          </li>
        ))}
      </ul>
      {[error, ...problems].filter(Boolean).map((line) => (
        <p key={line} className="hint">
          Not used: {line}
        </p>
      ))}
      <button type="button" onClick={() => fileInput.current?.click()}>
        Add a slot…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml"
        hidden
        aria-label="Slot file"
        onChange={(event) => void addFile(event.target.files?.[0])}
      />
      {note && <p role="status">{note}</p>}
    </fieldset>
  )
}

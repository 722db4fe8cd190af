import { useEffect, useRef, useState } from 'react'
import type { CopyfitReport } from '../../../shared/copyfit/copyfit-report'
import { describeFit, overBy } from '../../../shared/copyfit/copyfit-report'
import type { Slot } from '../../../shared/copyfit/slot'
import { client } from '../api/client'
import { markLinesOver } from '../editor/copyfit-overflow'
import { useBodyParagraphs } from '../editor/use-body-paragraphs'
import { useFieldEditors } from '../stores/field-editors'
import { useEditorStore } from '../stores/editor-store'
import { Panel } from './Panel'

/**
 * Does it fit? The story's slot (a print page's columns, or a web page's budgets) and, live as
 * the text changes, the lines or characters each field takes of those there are.
 */
export function CopyfitPanel() {
  const slotId = useEditorStore((state) => state.form?.slot ?? '')
  const edit = useEditorStore((state) => state.edit)
  const headline = useEditorStore((state) => state.form?.headline ?? '')
  const standfirst = useEditorStore((state) => state.form?.standfirst ?? '')
  const paragraphs = useBodyParagraphs()
  const [slots, setSlots] = useState<{ slots: Slot[]; problems: string[] }>()
  const [report, setReport] = useState<CopyfitReport>()
  const [problem, setProblem] = useState<string>()
  const fileInput = useRef<HTMLInputElement>(null)

  // Asked again after a slot is added.
  const [slotsAsked, setSlotsAsked] = useState(0)
  useEffect(() => {
    let current = true
    void client.invoke('copyfit:slots', {}).then((loaded) => {
      if (!current) return
      if (loaded.ok) setSlots(loaded.value)
      else setProblem(loaded.error.message)
    })
    return () => {
      current = false
    }
  }, [slotsAsked])

  useEffect(() => {
    if (!slotId) return
    let current = true
    void client
      .invoke('copyfit:measure', { slotId, headline, standfirst, paragraphs })
      .then((measured) => {
        if (!current) return
        setReport(measured.ok ? measured.value : undefined)
        setProblem(measured.ok ? undefined : measured.error.message)
      })
    return () => {
      current = false
    }
  }, [slotId, headline, standfirst, paragraphs])

  const importSlot = async (file: File | undefined) => {
    if (!file) return
    const imported = await client.invoke('copyfit:import-slot', {
      fileName: file.name,
      text: await file.text(),
    })
    setProblem(imported.ok ? undefined : imported.error.message)
    if (imported.ok) setSlotsAsked((count) => count + 1)
  }

  const shown = slotId && report?.slotId === slotId ? report : undefined
  const body = useFieldEditors((state) => state.editors.Body)
  const overFrom = shown?.bodyOver?.paragraph
  useEffect(() => {
    if (body) markLinesOver(body, overFrom)
  }, [body, overFrom])
  return (
    <Panel id="copyfit" name="Copyfit" title="Copyfit">
      <label className="field">
        <span>Slot</span>
        <select value={slotId} onChange={(event) => edit({ slot: event.target.value })}>
          <option value="">No slot</option>
          {slots?.slots.map((slot) => (
            <option key={slot.id} value={slot.id}>
              {slot.name}
            </option>
          ))}
        </select>
      </label>
      {shown && (
        <ul aria-label="Fit">
          {shown.fields.map((fit) => (
            <li key={fit.field} className={overBy(fit) ? 'over' : ''}>
              {describeFit(fit)}
            </li>
          ))}
        </ul>
      )}
      {shown && shown.widows.length > 0 && (
        <p className="hint">
          Widow{shown.widows.length === 1 ? '' : 's'} (a last line of one short word) in paragraph
          {shown.widows.length === 1 ? '' : 's'} {shown.widows.map((index) => index + 1).join(', ')}
          .
        </p>
      )}
      {problem && <p role="alert">{problem}</p>}
      {slots?.problems.map((line) => (
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
        onChange={(event) => void importSlot(event.target.files?.[0])}
      />
    </Panel>
  )
}

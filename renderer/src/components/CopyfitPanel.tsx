import { useEffect, useState } from 'react'
import type { CopyfitReport } from '../../../shared/copyfit/copyfit-report'
import { describeFit, overBy } from '../../../shared/copyfit/copyfit-report'
import { client } from '../api/client'
import { markLinesOver } from '../editor/copyfit-overflow'
import { useBodyParagraphs } from '../editor/use-body-paragraphs'
import { useFieldEditors } from '../stores/field-editors'
import { useSlots } from '../stores/slot-store'
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
  const slots = useSlots((state) => state.slots)
  const loadSlots = useSlots((state) => state.load)
  const [report, setReport] = useState<CopyfitReport>()
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    if (!slots) void loadSlots()
  }, [slots, loadSlots])

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
          {slots?.map((slot) => (
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
      <p className="hint">A newsroom adds its own slots in Settings.</p>
    </Panel>
  )
}

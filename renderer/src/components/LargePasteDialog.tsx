import { largePasteQuestion, type HeldPaste } from '../editor/clean-paste'
import { Dialog } from './Dialog'

export type LargePasteChoice = 'paste' | 'plain' | 'cancel'

/** Asked before a very large paste goes into the body: as it is, as plain text, or not at all. */
export function LargePasteDialog({
  held,
  onChoose,
}: {
  held: HeldPaste
  onChoose: (choice: LargePasteChoice) => void
}) {
  return (
    <Dialog label="Large paste" onClose={() => onChoose('cancel')}>
      <h2>Large paste</h2>
      <p>{largePasteQuestion(held)}</p>
      <p className="hint">
        As plain text it goes in faster, as paragraphs without formatting, links or pictures.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => onChoose('paste')} autoFocus>
          Paste anyway
        </button>
        <button type="button" onClick={() => onChoose('plain')}>
          Paste as plain text
        </button>
        <button type="button" onClick={() => onChoose('cancel')}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}

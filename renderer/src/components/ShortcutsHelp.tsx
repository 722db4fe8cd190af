import { Dialog } from './Dialog'

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

const SHORTCUTS: [string, string][] = [
  [`${MOD}+S`, 'Save now (the story also saves by itself)'],
  [`${MOD}+P`, 'Jump to an article by headline'],
  ['F1 or ' + `${MOD}+/`, 'Show these shortcuts'],
  ['Enter (headline, standfirst)', 'Move to the next field'],
  [`${MOD}+Z`, 'Undo in the current field'],
  [`${MOD}+Shift+Z or ${MOD}+Y`, 'Redo in the current field'],
  [`${MOD}+B`, 'Bold'],
  [`${MOD}+I`, 'Italic'],
  [`${MOD}+Alt+2`, 'Subheading'],
  [`${MOD}+Alt+3`, 'Minor subheading'],
  [`${MOD}+Shift+8`, 'Bulleted list'],
  [`${MOD}+Shift+7`, 'Numbered list'],
  [`${MOD}+Shift+B`, 'Quote'],
  ['Escape', 'Close a dialog'],
]

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </Dialog>
  )
}

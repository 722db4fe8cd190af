import { COMMAND_IDS, COMMANDS, describeAccelerator } from '../../../shared/commands/commands'
import { IS_MAC } from '../commands/command-registry'
import { Dialog } from './Dialog'

const MOD = IS_MAC ? '⌘' : 'Ctrl'

/** The commands' own shortcuts (the same list the menu shows), then the editing keys. */
const SHORTCUTS: [string, string][] = [
  ...COMMAND_IDS.flatMap((id): [string, string][] => {
    const accelerator: string | undefined = COMMANDS[id].accelerator
    return accelerator ? [[describeAccelerator(accelerator, IS_MAC), COMMANDS[id].label]] : []
  }),
  ['Enter (headline, standfirst)', 'Move to the next field'],
  [`${MOD}+Z`, 'Undo in the current field'],
  [`${MOD}+Shift+Z or ${MOD}+Y`, 'Redo in the current field'],
  [`${MOD}+Shift+V`, 'Paste as plain text'],
  [`${MOD}+B`, 'Bold'],
  [`${MOD}+I`, 'Italic'],
  [`${MOD}+Alt+2`, 'Subheading'],
  [`${MOD}+Alt+3`, 'Minor subheading'],
  [`${MOD}+Shift+8`, 'Bulleted list'],
  [`${MOD}+Shift+7`, 'Numbered list'],
  [`${MOD}+Shift+B`, 'Quote'],
  ['Enter / Shift+Enter (find)', 'Next / previous match'],
  ['Escape', 'Close a dialog or the find bar; leave focus mode'],
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

import type { MouseEventHandler, ReactNode } from 'react'
import { describeAccelerator } from '../../../../shared/commands/commands'
import { IS_MAC } from '../../commands/command-registry'
import { Icon, type IconName } from './icons'

interface Props {
  /** The button's accessible name, the words a screen reader says and e2e tests look for. */
  label: string
  icon: IconName
  /** An accelerator in the menu's syntax ("CmdOrCtrl+B"), shown in the tooltip. */
  keys?: string
  onClick: MouseEventHandler<HTMLButtonElement>
  /** A toggle: reported with aria-pressed. */
  pressed?: boolean
  disabled?: boolean
  className?: string
  /** What the tooltip adds after the name and shortcut. */
  hint?: string
}

/** The tooltip: the name, then its shortcut as this platform writes it ("Bold (Ctrl+B)"). */
export function tooltip(label: string, keys?: string, hint?: string): string {
  const shortcut = keys ? ` (${describeAccelerator(keys, IS_MAC)})` : ''
  return `${label}${shortcut}${hint ? `: ${hint}` : ''}`
}

/** An icon button of a toolbar: named by aria-label, its shortcut in the tooltip. */
export function ToolButton({
  label,
  icon,
  keys,
  onClick,
  pressed,
  disabled,
  className,
  hint,
}: Props) {
  return (
    <button
      type="button"
      className={['tool', className].filter(Boolean).join(' ')}
      aria-label={label}
      aria-pressed={pressed}
      title={tooltip(label, keys, hint)}
      onClick={onClick}
      disabled={disabled}
    >
      <Icon name={icon} />
    </button>
  )
}

/** A named group of a toolbar's buttons; a rule sets it apart from the group before it. */
export function ToolGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="tool-group">
      {children}
    </div>
  )
}

/**
 * Every command a person can give, with its words and its shortcut, in one list shared by the
 * desktop menu (main), the keyboard shortcuts and buttons (renderer) and the shortcuts help.
 * Accelerators use Electron's syntax; `CmdOrCtrl` is ⌘ on macOS and Ctrl elsewhere.
 */
export const COMMANDS = {
  'article:new': { label: 'New article', accelerator: 'CmdOrCtrl+N' },
  'library:open': { label: 'Open library…', accelerator: 'CmdOrCtrl+Shift+O' },
  'article:import': { label: 'Import…', accelerator: 'CmdOrCtrl+Shift+I' },
  'article:export': { label: 'Export…', accelerator: 'CmdOrCtrl+E' },
  'article:save': { label: 'Save', accelerator: 'CmdOrCtrl+S' },
  'version:save': { label: 'Save version', accelerator: 'CmdOrCtrl+Shift+S' },
  'article:close': { label: 'Close article', accelerator: 'CmdOrCtrl+W' },
  'article:go-to': { label: 'Go to article…', accelerator: 'CmdOrCtrl+P' },
  'edit:find': { label: 'Find and replace…', accelerator: 'CmdOrCtrl+F' },
  'edit:link': { label: 'Link…', accelerator: 'CmdOrCtrl+K' },
  'view:focus-mode': { label: 'Focus mode', accelerator: 'CmdOrCtrl+Shift+F' },
  'view:theme': { label: 'Switch light or dark theme', accelerator: 'CmdOrCtrl+Shift+L' },
  'view:panels': { label: 'Show or hide panels', accelerator: 'CmdOrCtrl+Alt+P' },
  'app:settings': { label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  'help:shortcuts': { label: 'Keyboard shortcuts', accelerator: 'F1' },
  'help:about': { label: 'About Copydesk', accelerator: undefined },
} as const satisfies Record<string, { label: string; accelerator: string | undefined }>

export type CommandId = keyof typeof COMMANDS
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[]

export const isCommandId = (value: unknown): value is CommandId =>
  typeof value === 'string' && value in COMMANDS

/** What a key event needs to be compared with an accelerator. */
export interface KeyPress {
  key: string
  /** The physical key ("KeyP"): with Option on macOS, `key` is a symbol ("π"). */
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** Whether a key press is the accelerator, on this platform (`mac`: ⌘ is the command key). */
export function matchesAccelerator(accelerator: string, press: KeyPress, mac: boolean): boolean {
  const parts = accelerator.split('+')
  const key = (parts.pop() ?? '').toLowerCase()
  const wants = new Set(parts.map((part) => part.toLowerCase()))
  const command = wants.has('cmdorctrl') || wants.has('commandorcontrol')
  const ctrl = wants.has('ctrl') || wants.has('control') || (command && !mac)
  const meta = wants.has('cmd') || wants.has('command') || (command && mac)
  const physical = /^[a-z]$/.test(key)
    ? `Key${key.toUpperCase()}`
    : /^\d$/.test(key)
      ? `Digit${key}`
      : ''
  return (
    (press.key.toLowerCase() === key || (physical !== '' && press.code === physical)) &&
    press.ctrlKey === ctrl &&
    press.metaKey === meta &&
    press.shiftKey === wants.has('shift') &&
    press.altKey === (wants.has('alt') || wants.has('option'))
  )
}

/** The accelerator as people read it: "Ctrl+Shift+F", "⌘⇧F". */
export function describeAccelerator(accelerator: string, mac: boolean): string {
  const words: Record<string, string> = mac
    ? { CmdOrCtrl: '⌘', Cmd: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥' }
    : { CmdOrCtrl: 'Ctrl', Cmd: 'Ctrl', Ctrl: 'Ctrl', Shift: 'Shift', Alt: 'Alt' }
  const parts = accelerator.split('+').map((part) => words[part] ?? part)
  return mac ? parts.join('') : parts.join('+')
}

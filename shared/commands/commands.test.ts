import { describe, expect, it } from 'vitest'
import { COMMANDS, describeAccelerator, matchesAccelerator, type KeyPress } from './commands'

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
})

describe('commands', () => {
  it('give every command words and no shortcut twice', () => {
    const accelerators = Object.values(COMMANDS).flatMap(({ accelerator }) => accelerator ?? [])
    expect(new Set(accelerators).size).toBe(accelerators.length)
    for (const { label } of Object.values(COMMANDS)) expect(label.length).toBeGreaterThan(3)
  })

  it('match CmdOrCtrl to Ctrl on Windows and Linux, ⌘ on macOS', () => {
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { ctrlKey: true }), false)).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { metaKey: true }), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { metaKey: true }), true)).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+S', press('s', { ctrlKey: true }), true)).toBe(false)
  })

  it('match modifiers exactly, and keys regardless of case', () => {
    const find = 'CmdOrCtrl+Shift+F'
    expect(matchesAccelerator(find, press('F', { ctrlKey: true, shiftKey: true }), false)).toBe(
      true,
    )
    expect(matchesAccelerator(find, press('f', { ctrlKey: true }), false)).toBe(false)
    expect(
      matchesAccelerator('CmdOrCtrl+F', press('f', { ctrlKey: true, shiftKey: true }), false),
    ).toBe(false)
    expect(matchesAccelerator('F1', press('F1'), false)).toBe(true)
    expect(
      matchesAccelerator('CmdOrCtrl+Alt+P', press('p', { ctrlKey: true, altKey: true }), false),
    ).toBe(true)
  })

  it('match the physical key when Option changes the character (macOS)', () => {
    const optionP = press('π', { metaKey: true, altKey: true, code: 'KeyP' })
    expect(matchesAccelerator('CmdOrCtrl+Alt+P', optionP, true)).toBe(true)
  })

  it('describe shortcuts the way each platform writes them', () => {
    expect(describeAccelerator('CmdOrCtrl+Shift+F', false)).toBe('Ctrl+Shift+F')
    expect(describeAccelerator('CmdOrCtrl+Shift+F', true)).toBe('⌘⇧F')
  })
})

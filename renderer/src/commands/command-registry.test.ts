// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { canRun, commandForKey, registerCommand, runCommand } from './command-registry'

const key = (key: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}) => ({
  key,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: false,
  shiftKey: modifiers.shift ?? false,
  altKey: false,
})

describe('the command registry', () => {
  it('runs what is registered, and nothing once it is gone', () => {
    const find = vi.fn()
    const unregister = registerCommand('edit:find', find)
    expect(runCommand('edit:find')).toBe(true)
    expect(find).toHaveBeenCalledTimes(1)
    unregister()
    expect(canRun('edit:find')).toBe(false)
    expect(runCommand('edit:find')).toBe(false)
    expect(find).toHaveBeenCalledTimes(1)
  })

  it('keeps the newest owner when two register the same command', () => {
    const first = vi.fn()
    const second = vi.fn()
    const unregisterFirst = registerCommand('article:save', first)
    const unregisterSecond = registerCommand('article:save', second)
    unregisterFirst()
    runCommand('article:save')
    expect(second).toHaveBeenCalled()
    expect(first).not.toHaveBeenCalled()
    unregisterSecond()
  })

  it('finds the command for a key press', () => {
    expect(commandForKey(key('f', { ctrl: true }), false)).toBe('edit:find')
    expect(commandForKey(key('F', { ctrl: true, shift: true }), false)).toBe('view:focus-mode')
    expect(commandForKey(key('F1'), false)).toBe('help:shortcuts')
    expect(commandForKey(key('x'), false)).toBeUndefined()
  })

  it('makes a link with Ctrl+K, or ⌘K on macOS', () => {
    expect(commandForKey(key('k', { ctrl: true }), false)).toBe('edit:link')
    expect(commandForKey({ ...key('k'), metaKey: true }, true)).toBe('edit:link')
    expect(commandForKey(key('k'), false)).toBeUndefined()
  })
})

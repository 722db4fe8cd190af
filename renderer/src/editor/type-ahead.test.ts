import { describe, expect, it } from 'vitest'
import { holdEnteredText } from './type-ahead'

/** Events as a browser makes them, with only the fields the holder reads. */
const key = (key: string, modifiers: Partial<KeyboardEvent> = {}) =>
  Object.assign(new Event('keydown', { cancelable: true }), {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    isComposing: false,
    ...modifiers,
  })
const paste = (text: string) =>
  Object.assign(new Event('paste', { cancelable: true }), {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  })
const input = (inputType: string, data: string | null, cancelable = true) =>
  Object.assign(new Event('beforeinput', { cancelable }), { inputType, data })

describe('holdEnteredText', () => {
  it('holds keys, pastes and text put in without keys, and keeps them from the field', () => {
    const page = new EventTarget()
    const held = holdEnteredText(page)
    const events = [
      key('B'),
      key('x'),
      key('Backspace'),
      key('y'),
      paste(' pasted'),
      input('insertText', ' dictated'),
      input('insertReplacementText', '!'),
    ]
    for (const event of events) page.dispatchEvent(event)
    expect(events.every((event) => event.defaultPrevented)).toBe(true)
    expect(held.release()).toBe('By pasted dictated!')
  })

  it('lets shortcuts, composition and other edits through, and stops holding once released', () => {
    const page = new EventTarget()
    const held = holdEnteredText(page)
    const passing = [
      key('n', { ctrlKey: true }),
      key('Enter'),
      key('a', { isComposing: true }),
      input('insertCompositionText', 'a', false),
      input('formatBold', null),
    ]
    for (const event of passing) page.dispatchEvent(event)
    expect(passing.some((event) => event.defaultPrevented)).toBe(false)
    expect(held.release()).toBe('')

    const after = [key('z'), paste('late'), input('insertText', 'late')]
    for (const event of after) page.dispatchEvent(event)
    expect(after.some((event) => event.defaultPrevented)).toBe(false)
    expect(held.release()).toBe('')
  })
})

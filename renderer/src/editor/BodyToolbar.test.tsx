// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestBodyEditor } from '../../../shared/editor/test-body-editor'
import { commandForKey, runCommand } from '../commands/command-registry'
import { BodyToolbar } from './BodyToolbar'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let editor: Editor | undefined
let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  editor?.destroy()
  document.body.replaceChildren()
})

function renderToolbar(content: string) {
  const place = document.body.appendChild(document.createElement('div'))
  editor = createTestBodyEditor(content)
  document.body.appendChild(editor.view.dom)
  const shown = editor
  root = createRoot(place)
  act(() => root?.render(<BodyToolbar editor={shown} onInsertImage={() => undefined} />))
  return shown
}

const linkAddress = () =>
  document.querySelector<HTMLInputElement>('input[aria-label="Link address"]')

/** What App does with a key press: the command it stands for, run if something on screen can. */
function pressKey(key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean }) {
  const command = commandForKey(
    { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers },
    false,
  )
  let ran = false
  act(() => {
    ran = command !== undefined && runCommand(command)
  })
  return ran
}

describe('the body toolbar', () => {
  it('opens the link form on Ctrl+K in the body, and the address applies to the selection', () => {
    const current = renderToolbar('<p>Read the report</p>')
    current.view.dom.focus()
    current.commands.setTextSelection({ from: 10, to: 16 })
    expect(linkAddress()).toBeNull()

    expect(pressKey('k', { ctrlKey: true })).toBe(true)
    const input = linkAddress()
    expect(input).not.toBeNull()
    expect(document.activeElement).toBe(input)

    act(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
      setValue?.call(input, 'example.com/report')
      input?.dispatchEvent(new Event('input', { bubbles: true }))
    })
    act(() => input?.form?.requestSubmit())
    expect(linkAddress()).toBeNull()
    expect(current.getJSON().content?.[0]?.content).toContainEqual({
      type: 'text',
      text: 'report',
      marks: [
        {
          type: 'link',
          attrs: expect.objectContaining({ href: 'https://example.com/report' }) as unknown,
        },
      ],
    })
  })

  it('offers the current address when the cursor is in a link', () => {
    const current = renderToolbar('<p><a href="https://example.com/">A link</a></p>')
    current.view.dom.focus()
    current.commands.setTextSelection(3)
    pressKey('k', { ctrlKey: true })
    expect(linkAddress()?.value).toBe('https://example.com/')
  })

  it('leaves Ctrl+K alone while the body does not have the focus', () => {
    renderToolbar('<p>Read the report</p>')
    pressKey('k', { ctrlKey: true })
    expect(linkAddress()).toBeNull()
  })
})

// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import reactDomPackage from 'react-dom/package.json'
import { afterEach, describe, expect, it } from 'vitest'
import { articleBodyExtensions } from '../../../shared/editor/extensions'
import { ReactSelectionOptOut } from './react-selection-opt-out'

let editor: Editor | undefined
afterEach(() => editor?.destroy())

const newEditor = () =>
  (editor = new Editor({
    element: document.body.appendChild(document.createElement('div')),
    extensions: [...articleBodyExtensions(), ReactSelectionOptOut],
    content: '<p>Council votes</p>',
  }))

describe('the body kept out of React’s selection bookkeeping', () => {
  it('does not report itself as contenteditable "true" to scripts, while it stays editable', () => {
    const { dom } = newEditor().view
    // react-dom measures the focused element's selection before a commit when this is "true".
    expect(dom.contentEditable).toBe('inherit')
    expect(dom.getAttribute('contenteditable')).toBe('true')
  })

  it('still reports "false" when the body is read-only, as ProseMirror expects', () => {
    const opened = newEditor()
    opened.setEditable(false)
    expect(opened.view.dom.getAttribute('contenteditable')).toBe('false')
    expect(opened.view.dom.contentEditable).toBe('false')
  })

  it('gives the element back as it was when the editor goes', () => {
    const opened = newEditor()
    const { dom } = opened.view
    opened.destroy()
    expect(Object.getOwnPropertyDescriptor(dom, 'contentEditable')).toBeUndefined()
  })
})

describe('react-dom', () => {
  it('is the 19.3 whose selection bookkeeping the opt-out was measured against', () => {
    // A new react-dom may save a contenteditable's selection another way (or not at all): check
    // commitBeforeMutationEffects, measure a save at 50,000 words again, then move this guard on.
    expect(
      reactDomPackage.version.split('.').slice(0, 2).join('.'),
      `react-dom ${reactDomPackage.version}: see react-selection-opt-out.ts before upgrading`,
    ).toBe('19.3')
  })
})

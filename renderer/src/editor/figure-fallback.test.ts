// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { articleBodyExtensions } from '../../../shared/editor/extensions'
import { FigureFallback } from './figure-fallback'

const ARTICLE = '2b0c9a43-5a3e-4f0e-9d8e-0c1f2a3b4c5d'
const assetUrl = (src: string) => `/api/assets/${ARTICLE}/${src}?token=t`
const body = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
    {
      type: 'figure',
      attrs: { src: 'assets/0123456789abcdef.jpg', alt: 'The bridge', credit: '', lead: true },
      content: [{ type: 'text', text: 'At dawn.' }],
    },
  ],
}

let editor: Editor | undefined
afterEach(() => editor?.destroy())

const imageSources = (current: Editor) =>
  Array.from(current.view.dom.querySelectorAll('img')).map((image) => image.getAttribute('src'))

describe('FigureFallback', () => {
  it('draws a figure whose node view was taken away with the served URL, never the bare path', () => {
    editor = new Editor({
      extensions: [...articleBodyExtensions({ assetUrl }), FigureFallback.configure({ assetUrl })],
      content: body,
    })
    // What TipTap's <EditorContent> does as it unmounts: it clears the view's node views.
    editor.view.setProps({ nodeViews: {} })
    expect(imageSources(editor)).toEqual([assetUrl('assets/0123456789abcdef.jpg')])
    const figure = editor.view.dom.querySelector('figure')
    expect(figure?.className).toBe('figure lead')
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('The bridge')
    expect(figure?.querySelector('figcaption')?.textContent).toBe('At dawn.')
  })

  it('leaves the schema DOM (clipboard, exports) with the asset path', () => {
    editor = new Editor({
      extensions: [...articleBodyExtensions({ assetUrl }), FigureFallback.configure({ assetUrl })],
      content: body,
    })
    expect(editor.getHTML()).toContain('<img src="assets/0123456789abcdef.jpg"')
  })

  it('is what a figure without it would be drawn wrongly as: the bare asset path', () => {
    editor = new Editor({ extensions: articleBodyExtensions({ assetUrl }), content: body })
    editor.view.setProps({ nodeViews: {} })
    expect(imageSources(editor)).toEqual(['assets/0123456789abcdef.jpg'])
  })
})

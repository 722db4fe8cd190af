// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { renderBodyHtml } from '../export'
import { articleBodyExtensions } from './extensions'
import { validateBody } from './validate-body'

// Every editor a test makes is destroyed after it: one left running keeps a DOM timer that
// fires after happy-dom is torn down and fails the run.
const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()))

const makeEditor = (content: string | object) => {
  const editor = new Editor({ extensions: articleBodyExtensions(), content })
  editors.push(editor)
  return editor
}

const figureHtml =
  '<figure data-creator="Jo Smith" data-copyright="© 2026 Herald Media" data-source="Herald Wire" data-lead="true"><img src="assets/abc.jpg" alt="Two linesmen"><figcaption><span class="caption">Work on <em>Tuesday</em></span><span class="credit">Jo Smith/Herald</span></figcaption></figure>'

const NO_RIGHTS = { creator: '', copyright: '', source: '' }

describe('figure node', () => {
  it('parses image, caption with marks, credit, rights, alt text and the lead flag from HTML', () => {
    const figure = makeEditor(figureHtml).getJSON().content?.[0]
    expect(figure).toEqual({
      type: 'figure',
      attrs: {
        src: 'assets/abc.jpg',
        sourceUrl: '',
        alt: 'Two linesmen',
        credit: 'Jo Smith/Herald',
        creator: 'Jo Smith',
        copyright: '© 2026 Herald Media',
        source: 'Herald Wire',
        lead: true,
      },
      content: [
        { type: 'text', text: 'Work on ' },
        { type: 'text', text: 'Tuesday', marks: [{ type: 'italic' }] },
      ],
    })
  })

  it('renders the same HTML it parses, in the editor and in exports', () => {
    const html = makeEditor(figureHtml).getHTML()
    expect(html).toBe(
      '<figure data-creator="Jo Smith" data-copyright="© 2026 Herald Media" data-source="Herald Wire" data-lead="true"><img src="assets/abc.jpg" alt="Two linesmen"><figcaption><span class="caption">Work on <em>Tuesday</em></span><span class="credit">Jo Smith/Herald</span></figcaption></figure>',
    )
    expect(renderBodyHtml(makeEditor(figureHtml).getJSON() as never)).toContain(
      '<span class="credit">Jo Smith/Herald</span>',
    )
  })

  it('keeps a figure that awaits its picture, from the web or not, and nothing else without a file', () => {
    const waiting =
      '<figure data-awaits-picture="" data-source-url="https://cdn.example.com/bridge.jpg"><img alt="The bridge"><figcaption><span class="caption">At dawn</span><span class="credit">AP</span></figcaption></figure>'
    const editor = makeEditor(waiting)
    expect(editor.getJSON().content?.[0]).toEqual({
      type: 'figure',
      attrs: {
        src: '',
        sourceUrl: 'https://cdn.example.com/bridge.jpg',
        alt: 'The bridge',
        credit: 'AP',
        ...NO_RIGHTS,
        lead: false,
      },
      content: [{ type: 'text', text: 'At dawn' }],
    })
    expect(editor.getHTML()).toBe(waiting)
    expect(validateBody(editor.getJSON() as never)).toBeUndefined()
    // From a file that carried its words but not the picture: no address to show.
    const fromFile =
      '<figure data-awaits-picture=""><img alt="The bridge"><figcaption><span class="caption">At dawn</span></figcaption></figure>'
    expect(makeEditor(fromFile).getHTML()).toBe(fromFile)
    // Only a web address is kept as one.
    expect(
      makeEditor(
        '<figure data-awaits-picture="" data-source-url="javascript:alert(1)"><img alt=""><figcaption>x</figcaption></figure>',
      ).getJSON().content?.[0]?.attrs,
    ).toMatchObject({ src: '', sourceUrl: '' })
    // A figure from elsewhere with no picture in this article, and not marked as awaiting one, is text.
    expect(
      makeEditor('<figure><img alt=""><figcaption>x</figcaption></figure>').getJSON().content?.[0]
        ?.type,
    ).toBe('paragraph')
  })

  it('leaves the credit out when there is none, and takes a figcaption without spans as the caption', () => {
    const json = makeEditor(
      '<figure><img src="assets/x.png" alt=""><figcaption>Plain caption</figcaption></figure>',
    ).getJSON()
    expect(json.content?.[0]).toMatchObject({
      attrs: { credit: '', lead: false },
      content: [{ text: 'Plain caption' }],
    })
    expect(makeEditor(json).getHTML()).not.toContain('credit')
  })

  it('pastes back as the same figure: the HTML carries the asset path, never a host URL', () => {
    const withUrl = new Editor({
      extensions: articleBodyExtensions({
        assetUrl: (src) => `/api/assets/id/${src}?token=SECRET`,
      }),
      content: figureHtml,
    })
    const html = withUrl.getHTML()
    withUrl.destroy()
    expect(html).not.toContain('SECRET')
    expect(makeEditor(html).getJSON().content?.[0]).toMatchObject({
      type: 'figure',
      attrs: { src: 'assets/abc.jpg' },
    })
  })

  it('keeps only the caption text of a figure whose picture is not in the article', () => {
    const json = makeEditor(
      '<figure><img src="https://example.com/photo.jpg" alt=""><figcaption>From the web</figcaption></figure>',
    ).getJSON()
    expect(json.content?.some((node) => node.type === 'figure')).toBe(false)
    expect(JSON.stringify(json)).toContain('From the web')
  })

  it('inserts a figure with its caption', () => {
    const current = makeEditor('<p>Text</p>')
    current.commands.insertFigure({
      src: 'assets/new.webp',
      alt: 'A',
      credit: 'AP',
      caption: 'Caption text',
    })
    expect(current.getJSON().content).toContainEqual({
      type: 'figure',
      attrs: {
        src: 'assets/new.webp',
        sourceUrl: '',
        alt: 'A',
        credit: 'AP',
        ...NO_RIGHTS,
        lead: false,
      },
      content: [{ type: 'text', text: 'Caption text' }],
    })
  })

  it('inserts a figure after the selection, which stays selected, never over it', () => {
    const current = makeEditor('<p>Text to keep</p>')
    current.commands.setTextSelection({ from: 1, to: 5 })
    current.commands.insertFigure({ src: 'assets/new.webp', caption: 'Caption text' })
    expect(current.getJSON().content?.map((node) => node.type)).toEqual([
      'paragraph',
      'figure',
      'paragraph',
    ])
    const { from, to } = current.state.selection
    expect(current.state.doc.textBetween(from, to)).toBe('Text')
    expect(current.state.doc.textContent).toBe('TextCaption text to keep')
  })

  it('inserts a figure after the figure whose caption has the cursor, not inside it', () => {
    const html = figureHtml + '<p>After</p>'
    const current = makeEditor(html)
    const caption = 'Work on Tuesday'
    for (const selection of [3, { from: 2, to: 6 }]) {
      current.commands.setContent(html)
      current.commands.setTextSelection(selection)
      current.commands.insertFigure({ src: 'assets/new.webp', caption: 'New' })
      const figures = current.getJSON().content?.filter((node) => node.type === 'figure')
      expect(figures?.map((node) => node.attrs?.src)).toEqual(['assets/abc.jpg', 'assets/new.webp'])
      expect(current.state.doc.child(0).textContent).toBe(caption)
    }
  })

  it('keeps one lead image: marking another moves the flag', () => {
    const current = makeEditor(
      figureHtml + '<figure><img src="assets/two.jpg" alt=""><figcaption>Two</figcaption></figure>',
    )
    const positions: number[] = []
    current.state.doc.descendants((node, pos) => {
      if (node.type.name === 'figure') positions.push(pos)
    })
    expect(current.commands.setLeadFigure(positions[1] ?? -1)).toBe(true)
    const leads = current
      .getJSON()
      .content?.filter((node) => node.type === 'figure')
      .map((node) => node.attrs?.lead)
    expect(leads).toEqual([false, true])
    expect(current.commands.setLeadFigure(0 + 1)).toBe(false)
  })
})

describe('pull quote node', () => {
  it('toggles from a paragraph and renders as an aside', () => {
    const current = makeEditor('<p>Five weeks felt like five months.</p>')
    current.commands.setTextSelection(3)
    current.commands.togglePullQuote()
    // StarterKit's trailing node keeps an empty paragraph after the last block, to type into.
    expect(current.getHTML()).toBe(
      '<aside class="pull-quote"><p>Five weeks felt like five months.</p></aside><p></p>',
    )
    expect(makeEditor(current.getHTML()).getJSON().content?.[0]?.type).toBe('pullQuote')
  })
})

// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { articleBodyExtensions } from '../../../shared/editor/extensions'
import { executableParts } from '../../../shared/security/executable-parts'
import { XSS_PAYLOADS } from '../../../shared/security/xss-payloads'
import {
  CleanPaste,
  holdLargePaste,
  LARGE_PASTE_CHARACTERS,
  largePasteQuestion,
  pastedImageFiles,
} from './clean-paste'

let editor: Editor | undefined
afterEach(() => editor?.destroy())

/** Pastes HTML the way a browser hands it to ProseMirror, and returns the editor's HTML. */
function paste(html: string): string {
  editor = new Editor({ extensions: [...articleBodyExtensions(), CleanPaste], content: '<p></p>' })
  editor.view.pasteHTML(html)
  return editor.getHTML()
}

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<h1 class=MsoTitle>Budget day</h1>
<p class=MsoNormal style='margin:0'><b><span style='font-size:12pt'>Bold start</span></b> and <i>italic</i> and <a href="https://example.com/budget">a link</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><!--[endif]-->First point</p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>a.<span> </span></span>Sub point</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>2.<span> </span></span>Second point</p>
<p class=MsoNormal>Between lists</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>·<span> </span></span>A bullet</p>
<p class=MsoNormal><span style='color:red'></span><img src="https://tracker.example.com/p.gif" width=1 height=1>End.</p>
</body></html>`

const GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><h2 dir="ltr" style="line-height:1.38"><span style="font-size:16pt;font-weight:400">What changes</span></h2><p dir="ltr"><span style="font-weight:700;">Bold</span><span style="font-weight:400;"> plain </span><span style="font-style:italic;font-weight:400;">italic</span></p><ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400">Listed</span></p></li></ul></b>`

describe('pasting into the body', () => {
  it('from Word: headings, emphasis, links, and Word fake lists become real, nested lists', () => {
    const html = paste(WORD)
    expect(html).toContain('<h2>Budget day</h2>')
    expect(html).toContain('<strong>Bold start</strong> and <em>italic</em> and <a')
    expect(html).toContain('href="https://example.com/budget"')
    expect(html).toContain(
      '<ol><li><p>First point</p><ol><li><p>Sub point</p></li></ol></li><li><p>Second point</p></li></ol>',
    )
    expect(html).toContain('<p>Between lists</p><ul><li><p>A bullet</p></li></ul>')
    expect(html).not.toMatch(/class=|style=|mso|Mso|tracker|1\.\s|·/)
  })

  it('from Google Docs: the bold wrapper is not bold, but real bold and italic stay', () => {
    const html = paste(GOOGLE_DOCS)
    expect(html).toContain('<h2>What changes</h2>')
    expect(html).toContain('<p><strong>Bold</strong> plain <em>italic</em></p>')
    expect(html).toContain('<ul><li><p>Listed</p></li></ul>')
    expect(html).not.toMatch(/style=|docs-internal/)
  })

  it('copied suggestions and comment anchors paste as the text would read accepted, and plain', () => {
    const html = paste(
      '<p>Fares rise <del data-suggestion="s1">on Monday</del><ins data-suggestion="s1">on Tuesday</ins>, <span data-comment="t1">the operator</span> said.</p>',
    )
    expect(html).toBe('<p>Fares rise on Tuesday, the operator said.</p>')
  })

  it('a picture inside pasted HTML is handed over as a file to store as an asset', () => {
    const pixel =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
    const files = pastedImageFiles(
      `<p>Text</p><img src="data:image/png;base64,${pixel}" width="640" height="480"><img src="data:image/png;base64,${pixel}" width="1" height="1">`,
    )
    expect(files.map((file) => [file.name, file.type])).toEqual([['pasted-1.png', 'image/png']])
  })

  it.each(XSS_PAYLOADS.map((payload, index) => [index, payload]))(
    'hostile paste %i leaves nothing that could run',
    (_index, payload) => {
      // Judged as a browser reads it: `onload=` inside a paragraph's text is only words.
      expect(executableParts(paste(String(payload)), new DOMParser())).toEqual([])
    },
  )
})

describe('a large paste', () => {
  const clipboard = (data: Record<string, string>) => ({
    getData: (type: string) => data[type] ?? '',
  })
  const paragraphs = (count: number) =>
    Array.from({ length: count }, () => 'The council approved the harbour plan on Monday.')

  it('is held back over 200,000 characters of text or HTML, and an ordinary one is not', () => {
    expect(holdLargePaste(clipboard({ 'text/plain': 'A line.' }))).toBeUndefined()
    expect(holdLargePaste(null)).toBeUndefined()
    const text = 'x'.repeat(LARGE_PASTE_CHARACTERS)
    expect(holdLargePaste(clipboard({ 'text/plain': text }))).toBeUndefined()
    expect(holdLargePaste(clipboard({ 'text/plain': `${text}y` }))).toMatchObject({
      text: `${text}y`,
      bytes: LARGE_PASTE_CHARACTERS + 1,
    })
    const html = `<p>${'<span>word</span> '.repeat(12_000)}</p>`
    expect(
      holdLargePaste(clipboard({ 'text/html': html, 'text/plain': 'word '.repeat(12_000) })),
    ).toMatchObject({ html, words: 12_000 })
  })

  it('says how large it is, in megabytes and roughly in words', () => {
    const text = paragraphs(44_000).join('\n\n')
    const held = holdLargePaste(clipboard({ 'text/plain': text }))
    expect(held?.words).toBe(350_000)
    expect(held && largePasteQuestion(held)).toBe(
      'This paste is 2.1 MB, about 350,000 words: pasting it may take a while.',
    )
  })

  it('counts the words of HTML that comes without plain text, and makes that text for it', () => {
    const html = paragraphs(600)
      .map((line) => `<p><b>${`${line} `.repeat(8)}</b></p><script>ignored()</script>`)
      .join('')
    const held = holdLargePaste(clipboard({ 'text/html': html }))
    expect(held?.words).toBe(38_000)
    expect(held?.text.split('\n').filter(Boolean)).toHaveLength(600)
    expect(held?.text).not.toContain('ignored')
  })
})

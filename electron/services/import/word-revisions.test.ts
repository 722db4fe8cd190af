import { describe, expect, it } from 'vitest'
import { MARKER_END, MARKER_START, markRevisions } from './word-revisions'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const marker = (code: string) => `<w:r><w:t>${MARKER_START}${code}${MARKER_END}</w:t></w:r>`

describe('markRevisions', () => {
  it('puts a comment range Word left between paragraphs at the start of the next and the end of the last', () => {
    const documentXml = `<w:document ${W}><w:body><w:commentRangeStart w:id="7"/><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>Both paragraphs</w:t></w:r></w:p><w:p><w:r><w:t>are commented.</w:t></w:r></w:p><w:commentRangeEnd w:id="7"/></w:body></w:document>`
    const comments = `<w:comments ${W}><w:comment w:id="7" w:author="Sam Sub"><w:p><w:r><w:t>Cut one?</w:t></w:r></w:p></w:comment></w:comments>`
    const marked = markRevisions(documentXml, comments, undefined)
    expect(marked.documentXml).toContain(
      `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${marker('m7')}<w:r><w:t>Both paragraphs`,
    )
    expect(marked.documentXml).toContain(`are commented.</w:t></w:r>${marker('/m7')}</w:p>`)
    expect(marked.comments).toEqual([
      { id: '7', author: 'Sam Sub', date: undefined, text: 'Cut one?', resolved: false },
    ])
  })

  it('keeps a deleted field code a field code, and deleted text as text to read', () => {
    const documentXml = `<w:document ${W}><w:body><w:p><w:del w:id="1" w:author="A"><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:delInstrText> HYPERLINK "https://example.com" </w:delInstrText></w:r><w:r><w:delText>gone</w:delText></w:r></w:del></w:p></w:body></w:document>`
    const { documentXml: marked, changes } = markRevisions(documentXml, undefined, undefined)
    expect(marked).toContain(
      '<w:instrText xml:space="preserve"> HYPERLINK "https://example.com" </w:instrText>',
    )
    expect(marked).toContain('<w:t xml:space="preserve">gone</w:t>')
    expect(marked).not.toMatch(/delText|delInstrText|<w:del\b/)
    expect(changes).toEqual([{ kind: 'deletion', author: 'A', date: undefined }])
  })
})

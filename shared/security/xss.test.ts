// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { createArticle, type TiptapNode } from '../article'
import { articleBodyExtensions } from '../editor/extensions'
import { exportArticle } from '../export/export-article'
import { exported } from '../export/test-support'
import { TEXT_FORMATS, type TextFormat } from '../export/formats'
import { XSS_PAYLOADS } from './xss-payloads'
import { executableMarkdown, executableParts, executableXml } from './executable-parts'

const ID = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
const NOW = new Date('2026-11-29T00:00:00.000Z')

function executableIn(format: TextFormat, content: string): string[] {
  switch (format) {
    case 'html':
    case 'html-fragment':
      return executableParts(content, new DOMParser())
    case 'md':
      return executableMarkdown(content, new DOMParser())
    case 'ninjs':
    case 'ninjs3': {
      const ninjs = JSON.parse(content) as { bodies: { value: string }[] }
      return ninjs.bodies.flatMap((body) => executableParts(body.value, new DOMParser()))
    }
    case 'nitf':
      return executableXml(content, new DOMParser())
    case 'txt':
      return []
  }
}

/** What the body editor keeps when this HTML is pasted into it. */
function pasted(html: string): TiptapNode {
  const editor = new Editor({ extensions: articleBodyExtensions(), content: html })
  const json = editor.getJSON() as TiptapNode
  editor.destroy()
  return json
}

describe('hostile HTML', () => {
  it('is judged by a checker that does find what would run', () => {
    const bad =
      '<article><img src=x onerror=alert(1)><a href=" javascript:x">a</a><script></script></article>'
    expect(executableParts(bad, new DOMParser())).toEqual([
      '<script>',
      'onerror=',
      'href= javascript:x',
    ])
    expect(
      executableMarkdown('[a](javascript:x) <img src=x onerror=alert(1)>', new DOMParser()),
    ).toEqual(['href=javascript:x', 'onerror='])
  })

  it('has at least 40 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40)
  })

  it.each(XSS_PAYLOADS)(
    'pasted into the body, then exported, leaves nothing executable: %s',
    (payload) => {
      const body = pasted(`<p>Before</p>${payload}<p>After</p>`)
      const article = createArticle({ headline: 'Pasted', body }, ID, NOW)
      for (const format of TEXT_FORMATS) {
        expect(executableIn(format, exported(article, format).content), format).toEqual([])
      }
    },
  )

  it.each(XSS_PAYLOADS)('typed as text in every field, exported, stays text: %s', (payload) => {
    const article = createArticle(
      {
        headline: payload,
        standfirst: payload,
        byline: [{ name: payload }],
        dateline: payload,
        keywords: [payload],
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }],
        },
      },
      ID,
      NOW,
    )
    for (const format of TEXT_FORMATS) {
      expect(executableIn(format, exported(article, format).content), format).toEqual([])
    }
    // The text survives as text (wrapped at 72 columns in the wire format).
    const flat = (text: string) => text.replace(/\s+/g, ' ')
    expect(flat(exported(article, 'txt').content)).toContain(flat(payload))
  })

  it.each(XSS_PAYLOADS)(
    "as a picture's alt text, caption and credit, exported as a package's files, stays text: %s",
    (payload) => {
      const src = 'assets/0123456789abcdef0123456789abcdef.jpg'
      const article = createArticle(
        {
          headline: 'Pictured',
          body: {
            type: 'doc',
            content: [
              {
                type: 'figure',
                attrs: { src, alt: payload, credit: payload, lead: true },
                content: [{ type: 'text', text: payload }],
              },
            ],
          },
        },
        ID,
        NOW,
      )
      // As in a package: the picture is there, so it is an <img> with its alt attribute.
      const rendition = (name: string, width: number) => ({
        name,
        path: `images/0123456789abcdef-${name}.jpg`,
        mimeType: 'image/jpeg',
        width,
        height: width / 2,
        sizeInBytes: 1_000,
      })
      const context = {
        language: 'en',
        renditions: { [src]: [rendition('original', 2048), rendition('w1024', 1024)] },
      }
      for (const format of TEXT_FORMATS) {
        const file = exportArticle(article, format, context)
        if (!file.ok) throw new Error(file.error.message)
        expect(executableIn(format, file.value.content), format).toEqual([])
      }
    },
  )
})

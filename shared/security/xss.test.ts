// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { createArticle, type TiptapNode } from '../article'
import { articleBodyExtensions } from '../editor/extensions'
import { exported } from '../export/test-support'
import { TEXT_FORMATS, type TextFormat } from '../export/formats'
import { XSS_PAYLOADS } from './xss-payloads'

const ID = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
const NOW = new Date('2026-11-29T00:00:00.000Z')

const DANGEROUS_ELEMENTS =
  'script, iframe, frame, object, embed, svg, math, form, base, meta, link, style, video, audio, marquee, details, noscript, template'
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'data',
  'cite',
  'poster',
  'xlink:href',
]
const BAD_URL = /^\s*(javascript|vbscript|data):/i

/**
 * What in this HTML a browser could run, found the way a browser reads it (parsed, not pattern-
 * matched): script-capable elements, event handler attributes, and script URLs.
 */
function executableParts(html: string): string[] {
  const page = new DOMParser().parseFromString(html, 'text/html')
  const article = page.querySelector('article') ?? page.body
  const found: string[] = Array.from(article.querySelectorAll(DANGEROUS_ELEMENTS)).map(
    (element) => `<${element.localName}>`,
  )
  for (const element of Array.from(article.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) found.push(`${name}=`)
      if (URL_ATTRIBUTES.includes(name) && BAD_URL.test(attribute.value.replace(/[\t\n\r]/g, '')))
        found.push(`${name}=${attribute.value}`)
      if (name === 'style' && /url\s*\(|expression\s*\(/i.test(attribute.value))
        found.push(`style=${attribute.value}`)
    }
  }
  return found
}

/** Markdown a renderer would turn into something that runs: raw tags, or script links. */
function executableMarkdown(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)<[a-z!/]|\]\(<?\s*(javascript|vbscript|data):/gi)].map(
    (match) => match[0],
  )
}

/** NITF read as XML: any element or attribute that is not plain NITF markup. */
function executableXml(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml')
  const found = Array.from(document.querySelectorAll('*'))
    .filter((element) => DANGEROUS_ELEMENTS.split(', ').includes(element.localName))
    .map((element) => `<${element.localName}>`)
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name.toLowerCase().startsWith('on')) found.push(`${attribute.name}=`)
      if (BAD_URL.test(attribute.value)) found.push(`${attribute.name}=${attribute.value}`)
    }
  }
  return found
}

function executableIn(format: TextFormat, content: string): string[] {
  switch (format) {
    case 'html':
    case 'html-fragment':
      return executableParts(content)
    case 'md':
      return executableMarkdown(content)
    case 'ninjs':
    case 'ninjs3': {
      const ninjs = JSON.parse(content) as { bodies: { value: string }[] }
      return ninjs.bodies.flatMap((body) => executableParts(body.value))
    }
    case 'nitf':
      return executableXml(content)
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
    expect(executableParts(bad)).toEqual(['<script>', 'onerror=', 'href= javascript:x'])
    expect(executableMarkdown('[a](javascript:x) <img src=x>')).toEqual(['](javascript:', '<i'])
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
})

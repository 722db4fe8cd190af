import { Marked } from 'marked'

/**
 * Test support for the hostile-input suites: finds what a browser could run in an output, by
 * parsing it as a browser would. The DOM parser is passed in (the page's own, or happy-dom's in
 * Node), so this module itself needs no DOM.
 */
export interface HtmlParser {
  parseFromString(markup: string, type: 'text/html' | 'application/xml'): ParsedDocument
}

/** What these checks read of a parsed page: the DOM's shape, named here so shared/ needs no DOM. */
interface ParsedElement {
  readonly localName: string
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>
  querySelectorAll(selectors: string): ArrayLike<ParsedElement>
}

interface ParsedDocument {
  readonly body: ParsedElement
  querySelector(selectors: string): ParsedElement | null
  querySelectorAll(selectors: string): ArrayLike<ParsedElement>
}

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
export function executableParts(html: string, parser: HtmlParser): string[] {
  const page = parser.parseFromString(html, 'text/html')
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

/**
 * What a Markdown renderer's page could run: the Markdown rendered to HTML (CommonMark and GFM,
 * raw HTML blocks passed through as renderers do), then read as a browser would.
 */
export function executableMarkdown(markdown: string, parser: HtmlParser): string[] {
  return executableParts(new Marked({ gfm: true }).parse(markdown, { async: false }), parser)
}

/** NITF read as XML: any element or attribute that is not plain NITF markup. */
export function executableXml(xml: string, parser: HtmlParser): string[] {
  const document = parser.parseFromString(xml, 'application/xml')
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

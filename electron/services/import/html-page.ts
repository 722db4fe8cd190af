import type { Document, Element } from 'happy-dom'
import { parseBylineText } from '../../../shared/article'
import { splitCaptionCredit } from '../../../shared/import/caption'
import {
  emptyStory,
  picturePlaceholder,
  type ParsedStory,
} from '../../../shared/import/parsed-story'
import { quietWindow } from './html-to-body'
import { dataUrlBytes } from '../../../shared/import/data-url'

/** Page furniture, found by element or by the words sites use in their class names and ids. */
const FURNITURE_ELEMENTS =
  'script, style, noscript, template, iframe, object, embed, form, button, nav, aside, footer, svg, canvas, video, audio, [role=navigation], [role=complementary], [aria-hidden=true]'
const FURNITURE_NAMES =
  /(^|[\s_-])(share|sharing|social|related|comments?|advert\w*|ads?|promo\w*|newsletter|subscribe|recommend\w*|outbrain|taboola|sponsor\w*|breadcrumbs?|tags|author-bio|bio|more-on|read-more|paywall|signup)([\s_-]|$)/i
const STANDFIRST_NAMES =
  /(^|[\s_-])(standfirst|dek|subtitle|summary|lede|intro|sub-?headline|description)([\s_-]|$)/i
const BYLINE_SELECTOR = '[rel=author], .byline, .author, [itemprop=author], .article-author'
const TRACKING_SOURCE = /pixel|tracking|beacon|spacer|analytics/i

interface LinkedData {
  headline?: string
  description?: string
  authors: string[]
  keywords: string[]
}

/** JSON-LD NewsArticle (or Article) data on the page, where a site provides it. */
function linkedData(document: Document): LinkedData {
  const found: LinkedData = { authors: [], keywords: [] }
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    const candidates = [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])].flat()
    for (const candidate of candidates) {
      if (typeof candidate !== 'object' || candidate === null) continue
      const item = candidate as Record<string, unknown>
      const type = [item['@type']].flat().map(String)
      if (!type.some((value) => /Article$/.test(value))) continue
      if (typeof item.headline === 'string') found.headline = item.headline
      if (typeof item.description === 'string') found.description = item.description
      for (const author of [item.author].flat()) {
        const name = typeof author === 'string' ? author : (author as { name?: unknown })?.name
        if (typeof name === 'string') found.authors.push(name)
      }
      const keywords = item.keywords
      if (typeof keywords === 'string') found.keywords.push(...keywords.split(','))
      else if (Array.isArray(keywords)) found.keywords.push(...keywords.map(String))
    }
  }
  return found
}

const meta = (document: Document, name: string) =>
  document
    .querySelector(`meta[property="${name}"], meta[name="${name}"]`)
    ?.getAttribute('content')
    ?.trim() ?? ''

const textOf = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

const isFurniture = (element: Element) =>
  FURNITURE_NAMES.test(`${element.getAttribute('class') ?? ''} ${element.id}`)

/**
 * A published article page (or a DOCX turned into HTML) read as a story: headline, standfirst,
 * byline and figures from the page's semantic markup and metadata, the body from its article
 * element, and the site's navigation, share widgets, related links, comments and ads left out.
 */
export function parseHtmlPage(html: string, options: PageOptions = {}): ParsedStory {
  const window = quietWindow()
  try {
    const document = new window.DOMParser().parseFromString(
      html,
      'text/html',
    ) as unknown as Document
    const story = emptyStory()
    const linked = linkedData(document)
    const root =
      document.querySelector('article') ??
      document.querySelector('main, [role=main]') ??
      document.body
    for (const junk of Array.from(root.querySelectorAll(FURNITURE_ELEMENTS))) junk.remove()
    for (const junk of Array.from(root.querySelectorAll('[class], [id]'))) {
      if (isFurniture(junk)) junk.remove()
    }

    const h1 = root.querySelector('h1') ?? document.querySelector('h1')
    story.headline =
      linked.headline ??
      (textOf(h1) || meta(document, 'og:title') || textOf(document.querySelector('title')))
    if (h1 && root.contains(h1)) h1.remove()

    const standfirst = Array.from(root.querySelectorAll('p, div, h2')).find(
      (element) => STANDFIRST_NAMES.test(element.getAttribute('class') ?? '') && textOf(element),
    )
    story.standfirst =
      textOf(standfirst) ||
      linked.description ||
      meta(document, 'og:description') ||
      meta(document, 'description')
    standfirst?.remove()

    const byline = root.querySelector(BYLINE_SELECTOR)
    const bylineText = textOf(byline) || linked.authors.join(', ') || meta(document, 'author')
    story.byline = parseBylineText(bylineText)
    byline?.remove()
    readOpeningLines(root, story, options)
    story.keywords = [
      ...new Set(
        [...linked.keywords, ...meta(document, 'keywords').split(',')]
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ]

    extractFigures(root, story)
    // The body has subheadings at two levels: h1 becomes h2, h4 to h6 become h3.
    for (const heading of Array.from(root.querySelectorAll('h1, h4, h5, h6'))) {
      const replacement = document.createElement(heading.localName === 'h1' ? 'h2' : 'h3')
      replacement.innerHTML = heading.innerHTML
      heading.replaceWith(replacement)
    }
    story.bodyHtml = root.innerHTML
    return story
  } finally {
    void window.happyDOM.close()
  }
}

export interface PageOptions {
  /** A document without metadata (Word): its first short paragraph is the standfirst. */
  firstShortParagraphIsStandfirst?: boolean
}

const STANDFIRST_MAX_CHARACTERS = 300

/**
 * The paragraphs that open the text, as Word documents and plain pages have them: a "By …" line
 * is the byline; with `firstShortParagraphIsStandfirst`, a short paragraph before the byline, or
 * first of all, is the standfirst.
 */
function readOpeningLines(root: Element, story: ParsedStory, options: PageOptions): void {
  const opening = Array.from(root.querySelectorAll('p')).slice(0, 3)
  const bylineIndex = opening.findIndex((paragraph) => /^by\s+\S/i.test(textOf(paragraph)))
  const bylineParagraph = opening[bylineIndex]
  if (bylineParagraph && story.byline.length === 0) {
    story.byline = parseBylineText(textOf(bylineParagraph).replace(/^by\s+/i, ''))
  }
  if (options.firstShortParagraphIsStandfirst && !story.standfirst) {
    const candidate = opening[0] !== bylineParagraph ? opening[0] : opening[1]
    const text = textOf(candidate)
    if (
      candidate &&
      text &&
      text.length <= STANDFIRST_MAX_CHARACTERS &&
      (bylineIndex < 0 || opening.indexOf(candidate) < bylineIndex)
    ) {
      story.standfirst = text
      candidate.remove()
    }
  }
  if (bylineParagraph && story.byline.length > 0) bylineParagraph.remove()
}

function pictureFrom(
  image: Element,
  story: ParsedStory,
  words: { caption: string; credit: string },
) {
  const src = image.getAttribute('src') ?? ''
  story.pictures.push({
    ...words,
    alt: image.getAttribute('alt') ?? '',
    ...(src.startsWith('data:')
      ? { bytes: dataUrlBytes(src) }
      : /^(https?:)?\/\//i.test(src)
        ? { url: src }
        : { path: decodeURI(src) }),
    name: src.startsWith('data:')
      ? `picture ${story.pictures.length + 1}`
      : (src.split('/').pop() ?? src),
  })
  return picturePlaceholder(story.pictures.length - 1)
}

const isTracking = (image: Element) =>
  TRACKING_SOURCE.test(image.getAttribute('src') ?? '') ||
  ['width', 'height'].some((name) => Number(image.getAttribute(name) ?? 99) <= 2)

/** Figures and lone pictures become placeholders, with the caption and credit beside them. */
function extractFigures(root: Element, story: ParsedStory): void {
  for (const figure of Array.from(root.querySelectorAll('figure'))) {
    const image = figure.querySelector('img')
    if (!image || isTracking(image)) {
      figure.remove()
      continue
    }
    const caption = figure.querySelector('figcaption')
    const creditElement = caption?.querySelector(
      '.credit, .byline, small, [itemprop=copyrightHolder]',
    )
    let credit = textOf(creditElement)
    creditElement?.remove()
    let captionText = textOf(caption?.querySelector('.caption') ?? caption)
    if (!credit) {
      const split = splitCaptionCredit(captionText)
      if (split) ({ caption: captionText, credit } = split)
    }
    figure.outerHTML = pictureFrom(image, story, { caption: captionText, credit })
  }
  for (const image of Array.from(root.querySelectorAll('img'))) {
    if (isTracking(image)) {
      image.remove()
      continue
    }
    // A picture on its own, as Word documents have them: the short paragraph after it is its caption.
    const holder = image.closest('p') ?? image
    const next = holder.nextElementSibling
    const nextText = textOf(next)
    const isCaption =
      next?.localName === 'p' &&
      (next.classList.contains('caption') ||
        (nextText.length > 0 && nextText.length < 250 && !/^by\s/i.test(nextText)))
    const words = isCaption
      ? (splitCaptionCredit(nextText) ?? { caption: nextText, credit: '' })
      : { caption: '', credit: '' }
    if (isCaption) next?.remove()
    const placeholder = pictureFrom(image, story, words)
    if (holder !== image && textOf(holder) === '') holder.outerHTML = placeholder
    else image.outerHTML = placeholder
  }
}

import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { BYLINE_PREFIX, parseBylineText } from '../../../shared/article'
import { emptyStory, type ParsedStory } from '../../../shared/import/parsed-story'
import { storyBodyHtml } from './body-html'
import { isCopydeskPage, parseCopydeskPage } from './copydesk-page'
import { extractFigures } from './html-figures'
import { parseHtmlPage } from './html-page'
import { isFurniture } from './page-furniture'
import { readPageMetadata } from './page-metadata'

/** "Headline | The Daily Example", "Headline - Example News": the site's name after the headline. */
const TITLE_SEPARATOR = /\s+[|–—-]\s+|\s+[:»·]\s+/

/**
 * Far deeper than any real page (the 130 pages of Readability's test corpus nest at most 37
 * levels); Readability's time grows steeply with depth (1,000 levels took 8.5 s).
 */
export const MAX_PAGE_DEPTH = 256

export class WebPageImportError extends Error {}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
const sameWords = (a: string, b: string) => wordsOf(a).join(' ') === wordsOf(b).join(' ')

/**
 * A web page saved from a news site, read as a story. The article itself is found by Mozilla's
 * Readability (what Firefox's Reader View uses), on a DOM built by linkedom, which never runs a
 * script or loads anything. Headline, standfirst, byline, section, dateline and keywords come
 * from the page's JSON-LD and Open Graph metadata where it has them; figures keep their captions
 * and credits; furniture is removed by its class names first. A page Readability finds no
 * article in is read whole, furniture removed, as before.
 */
export function parseWebPage(html: string): ParsedStory {
  if (isFragment(html)) return parseFragment(html)
  const { document } = parseHTML(html)
  if (deeperThan(document.documentElement, MAX_PAGE_DEPTH))
    throw new WebPageImportError('it is nested too deeply to read (no story has so many levels)')
  if (isCopydeskPage(document)) return parseCopydeskPage(document)
  const metadata = readPageMetadata(document)
  removeFurniture(document)
  const article = new Readability<Element>(document, {
    keepClasses: true,
    serializer: (node) => node as Element,
  }).parse()
  const root = article?.content
  if (!article || !root) return parseHtmlPage(html)

  const story = emptyStory()
  const siteName = metadata.siteName || squash(article.siteName)
  story.headline = withoutSiteName(squash(article.title) || metadata.headline, siteName)
  story.standfirst = standfirstOf(metadata.description, squash(root.textContent))
  // Readability reads JSON-LD and the author meta tags first, then the page's own byline.
  story.byline = parseBylineText(squash(article.byline) || metadata.authors.join(', '))
  story.keywords = metadata.keywords
  story.section = metadata.section
  story.dateline = metadata.dateline

  removeRepeats(root, story)
  extractFigures(root, story)
  story.bodyHtml = storyBodyHtml(root)
  return story
}

/** Body HTML alone, as a CMS takes it (and Copydesk exports it): no page around it. */
const isFragment = (html: string) => !/<(?:!doctype|html|head|body)\b/i.test(html)

/** A fragment is the story's body: nothing around it to find or leave out. */
function parseFragment(html: string): ParsedStory {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  if (deeperThan(document.documentElement, MAX_PAGE_DEPTH))
    throw new WebPageImportError('it is nested too deeply to read (no story has so many levels)')
  const story = emptyStory()
  extractFigures(document.body, story)
  story.bodyHtml = storyBodyHtml(document.body)
  return story
}

/** The page's own headline, without the site's name that page titles carry after it. */
function withoutSiteName(title: string, siteName: string): string {
  const parts = title.split(TITLE_SEPARATOR)
  const last = parts.at(-1) ?? ''
  if (
    parts.length < 2 ||
    !siteName ||
    !(sameWords(last, siteName) || startsWithWords(siteName, last))
  )
    return title
  return title.slice(0, title.length - last.length).replace(/\s+\S+\s*$/, '')
}

const STANDFIRST_MAX_CHARACTERS = 400

/**
 * A page's description is its standfirst unless it is no such thing: the whole article (some
 * sites put it there), or the opening of the body cut short for a search result.
 */
function standfirstOf(description: string, bodyText: string): string {
  if (description.length > STANDFIRST_MAX_CHARACTERS) return ''
  return startsWithWords(bodyText, description.replace(/(\.\.\.|…)$/, '')) ? '' : description
}

/** Whether `text` begins with the words of `start` (punctuation and case aside). */
function startsWithWords(text: string, start: string): boolean {
  const opening = wordsOf(start)
  const words = wordsOf(text.slice(0, start.length * 2 + 20))
  return opening.length > 0 && opening.every((word, index) => words[index] === word)
}

/**
 * The headline, standfirst and byline said again at the top of the body are said once: a heading
 * before the first paragraph in the headline's words, or a "By …" line naming the byline's people.
 */
function removeRepeats(root: Element, story: ParsedStory): void {
  const headlineWords = new Set(wordsOf(story.headline))
  const bylineNames = new Set(story.byline.map((entry) => wordsOf(entry.name).join(' ')))
  const namesByline = (text: string) =>
    BYLINE_PREFIX.test(text) &&
    text.length < 200 &&
    parseBylineText(text).every((entry) => bylineNames.has(wordsOf(entry.name).join(' ')))
  let beforeFirstParagraph = true
  for (const element of Array.from(root.querySelectorAll('h1, h2, h3, p, div')).slice(0, 12)) {
    if (element.querySelector('img, figure, p, div, h1, h2, h3')) continue
    const text = squash(element.textContent)
    if (!text) continue
    const isHeading = /^h[1-3]$/.test(element.localName)
    const repeats =
      sameWords(text, story.headline) ||
      (isHeading &&
        beforeFirstParagraph &&
        wordsOf(text).every((word) => headlineWords.has(word))) ||
      (story.standfirst !== '' && sameWords(text, story.standfirst)) ||
      (bylineNames.size > 0 && namesByline(text))
    if (repeats) element.remove()
    else if (element.localName === 'p') beforeFirstParagraph = false
  }
}

/** Measured without recursion: the page is untrusted, and its depth is what is in question. */
function deeperThan(root: Element, limit: number): boolean {
  const pending: [Element, number][] = [[root, 0]]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [element, depth] = next
    if (depth > limit) return true
    for (const child of Array.from(element.children)) pending.push([child, depth + 1])
  }
  return false
}

/** Readability finds the byline in these, so none of them is removed as furniture. */
const BYLINE = '[rel=author], [class*=byline], [class*=author], [itemprop=author]'

/**
 * Share bars, ad slots, newsletter boxes and related links, by their class names, before
 * Readability weighs the page: it keeps some of them otherwise. An element holding a quarter of
 * the page's text or more is never furniture, whatever its class says ("has-ads" on a wrapper).
 */
function removeFurniture(document: Document): void {
  const pageLength = squash(document.body?.textContent).length
  for (const element of Array.from(document.body?.querySelectorAll('[class], [id]') ?? [])) {
    if (
      !element.isConnected ||
      !isFurniture(element) ||
      element.closest(BYLINE) ||
      element.querySelector(BYLINE)
    )
      continue
    if (squash(element.textContent).length < pageLength / 4) element.remove()
  }
}

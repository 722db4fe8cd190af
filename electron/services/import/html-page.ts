import { parseHTML } from 'linkedom'
import { parseBylineText } from '../../../shared/article'
import { emptyStory, type ParsedStory } from '../../../shared/import/parsed-story'
import { storyBodyHtml } from './body-html'
import { extractFigures } from './html-figures'
import { FURNITURE_ELEMENTS, isFurniture } from './page-furniture'
import { readPageMetadata } from './page-metadata'

const STANDFIRST_NAMES =
  /(^|[\s_-])(standfirst|dek|subtitle|summary|lede|intro|sub-?headline|description)([\s_-]|$)/i
const BYLINE_SELECTOR = '[rel=author], .byline, .author, [itemprop=author], .article-author'

const textOf = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

/**
 * A published article page (or a DOCX turned into HTML) read as a story: headline, standfirst,
 * byline and figures from the page's semantic markup and metadata, the body from its article
 * element, and the site's navigation, share widgets, related links, comments and ads left out.
 */
export function parseHtmlPage(html: string, options: PageOptions = {}): ParsedStory {
  const { document } = parseHTML(html)
  const story = emptyStory()
  const metadata = readPageMetadata(document)
  const root =
    document.querySelector('article') ??
    document.querySelector('main, [role=main]') ??
    document.body
  for (const junk of Array.from(root.querySelectorAll(FURNITURE_ELEMENTS))) junk.remove()
  for (const junk of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (isFurniture(junk)) junk.remove()
  }

  const h1 = root.querySelector('h1') ?? document.querySelector('h1')
  story.headline = metadata.headline || textOf(h1) || textOf(document.querySelector('title'))
  if (h1 && root.contains(h1)) h1.remove()

  const standfirst = Array.from(root.querySelectorAll('p, div, h2')).find(
    (element) => STANDFIRST_NAMES.test(element.getAttribute('class') ?? '') && textOf(element),
  )
  story.standfirst = textOf(standfirst) || metadata.description
  standfirst?.remove()

  const byline = root.querySelector(BYLINE_SELECTOR)
  story.byline = parseBylineText(textOf(byline) || metadata.authors.join(', '))
  byline?.remove()
  readOpeningLines(root, story, options)
  story.keywords = metadata.keywords
  story.section = metadata.section
  const dateline = root.querySelector('.dateline')
  story.dateline = metadata.dateline || textOf(dateline)
  dateline?.remove()

  extractFigures(root, story)
  story.bodyHtml = storyBodyHtml(root)
  return story
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
  const opening = Array.from(root.querySelectorAll('p'))
    .filter((paragraph) => textOf(paragraph))
    .slice(0, 3)
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
      // A guess must not take a paragraph's tracked changes or comments out of the body.
      !candidate.querySelector('[data-suggestion], [data-comment]') &&
      (bylineIndex < 0 || opening.indexOf(candidate) < bylineIndex)
    ) {
      story.standfirst = text
      candidate.remove()
    }
  }
  if (bylineParagraph && story.byline.length > 0) bylineParagraph.remove()
}

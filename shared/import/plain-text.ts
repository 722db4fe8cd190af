import { parseBylineText } from '../article/byline'
import { splitCaptionCredit } from './caption'
import { looksLikeCopiedPage, parseCopiedPage } from './copied-page'
import { emptyStory, escapeHtml, type ParsedStory } from './parsed-story'

/**
 * Lines a copied web page carries that are not the story: section labels, share and comment
 * buttons, icon names. Dropped only when a whole line is exactly one of these.
 */
const FURNITURE =
  /^(share( this( article| story)?)?|comments?|\d+ comments?|show comments|advertisement|advert|sponsored|sign up|subscribe( now)?|follow( us)?|related( articles| stories| content)?|read more|more on this story|listen( to this article)?|facebook|twitter|x|whatsapp|linkedin|email|print|copy link|menu|close|search|home|skip to content|bookmark|save|gift( this)? article|[a-z_]+_icon|icon-[a-z-]+)$/i

const MAX_HEADLINE_LINE = 300

/** A wire dateline on a line of its own after the byline: "WELLINGTON", "SÃO PAULO, Brazil". */
const DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]{1,30}(?:,\s*[\p{L}\s.]{1,30})?$/u

const BYLINE = /^(?:by|words by|author:|written by)\s+(.+)$/i
const AUTHOR_BIO =
  /^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3} (is|was) (a|an|the) [^.]{0,80}(reporter|correspondent|editor|writer|journalist)\b/i

/**
 * A story typed elsewhere or copied from a page: a headline line, an optional standfirst, a
 * "By …" line, blank-line paragraphs, and caption lines with their credits. When a line cannot
 * be told apart, it stays in the body: nothing is dropped unless it is clearly furniture.
 */
export function parsePlainText(text: string): ParsedStory {
  if (!opensAsWireCopy(text) && looksLikeCopiedPage(text)) return parseCopiedPage(text)
  const story = emptyStory()
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !FURNITURE.test(line)),
    )
    .filter((lines) => lines.length > 0)

  // A short capitalised label before the headline ("POLITICS", "World news") is a section.
  while (blocks.length > 1 && blocks[0]?.length === 1 && isSectionLabel(blocks[0][0] ?? '')) {
    blocks.shift()
  }
  // A first line longer than any headline, or written as sentences, is the story's first
  // paragraph: no headline then.
  const first = blocks[0]?.[0] ?? ''
  const onlyLine = blocks.length === 1 && blocks[0]?.length === 1
  if (first.length <= MAX_HEADLINE_LINE && !readsAsProse(first, onlyLine)) {
    story.headline = first
    blocks[0]?.shift()
    if (blocks[0]?.length === 0) blocks.shift()
  }

  const body: string[] = []
  for (const lines of blocks) {
    const rest: string[] = []
    for (const line of lines) {
      const byline = BYLINE.exec(line)
      if (byline?.[1] && story.byline.length === 0 && body.length === 0) {
        story.byline = parseBylineText(byline[1])
        continue
      }
      if (AUTHOR_BIO.test(line) && story.byline.some(({ name }) => line.startsWith(name))) continue
      rest.push(line)
    }
    if (rest.length === 0) continue
    const paragraph = rest.join(' ')
    if (
      !story.dateline &&
      story.byline.length > 0 &&
      body.length === 0 &&
      DATELINE.test(paragraph)
    ) {
      story.dateline = paragraph
      continue
    }
    const caption = paragraph.length < 400 ? splitCaptionCredit(paragraph) : undefined
    if (caption) {
      story.pictures.push({
        ...caption,
        alt: '',
        name: `picture ${story.pictures.length + 1}`,
      })
      body.push(`<figure data-picture="${story.pictures.length - 1}"></figure>`)
      continue
    }
    const standfirstCandidate =
      story.headline &&
      !story.standfirst &&
      body.length === 0 &&
      story.byline.length === 0 &&
      paragraph.length <= 320
    if (standfirstCandidate) {
      story.standfirst = paragraph
      continue
    }
    body.push(`<p>${escapeHtml(paragraph)}</p>`)
  }
  story.bodyHtml = body.join('')
  return story
}

/**
 * Wire copy (and Copydesk's own text export) opens with the headline, perhaps a standfirst, and
 * the "By" line, each a block of its own: nothing of a page's navigation comes before them.
 */
function opensAsWireCopy(text: string): boolean {
  const opening = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .slice(0, 3)
  return (
    (opening[0]?.split('\n').length ?? 0) === 1 &&
    opening.slice(1).some((block) => BYLINE.test(block.trim()) && !block.includes('\n'))
  )
}

/**
 * A line of two sentences is a paragraph (a headline is one); so is a single line ending in a
 * full stop, a paragraph pasted on its own.
 */
function readsAsProse(line: string, onlyLine: boolean): boolean {
  // Three small letters before the stop: "Mr. Smith" and "U.S. Troops" are not two sentences.
  const sentences = /\p{Ll}{3}\.\s+\p{Lu}/u.test(line)
  return (sentences && line.length > 60) || (onlyLine && /[^.]\.$/.test(line))
}

function isSectionLabel(line: string): boolean {
  return (
    line.length <= 30 &&
    !/[.!?]$/.test(line) &&
    /^[A-Z][A-Za-z &]*$/.test(line) &&
    line.split(' ').length <= 3 &&
    (line === line.toUpperCase() || /news$/i.test(line))
  )
}

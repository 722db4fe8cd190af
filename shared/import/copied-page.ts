import type { BylineEntry } from '../article'
import { bylineFromLine } from './byline-line'
import { splitCaptionCredit } from './caption'
import { findPageHeader } from './copied-page-header'
import { isDateLine } from './date-line'
import {
  CELL,
  endsSentence,
  FURNITURE_LINE,
  isProse,
  NEWSLETTER_SIGN_UP,
  pageLines,
  PICTURE_LABEL,
  TEASER_BOX,
  TYPED_BULLET,
  wordsIn,
} from './page-lines'
import { emptyStory, escapeHtml, picturePlaceholder, type ParsedStory } from './parsed-story'

/**
 * Text copied from a whole web page (Select All, Copy) holds the story amid the site's menus,
 * buttons, teasers and footers, one line per block. The story is the stretch of the page that is
 * mostly sentences: found as the run of lines whose words outweigh the short lines around them
 * (the idea of Finn's body text extraction, on lines instead of tags). Above it sit the headline,
 * standfirst and byline; after it, comments and "Most read" end it.
 */

/**
 * Lines that end the story once it has begun: the furniture that follows an article (pages put
 * "Comments" above stories too).
 */
const STORY_ENDS =
  /^(?:\d+\s+)?(?:(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|kommentarer)(?!\s*\(\d)\b.{0,30}|leave a (?:reply|comment)|join the (?:conversation|discussion)|most (?:read|popular|viewed)|meistgelesen|les plus lus|lo más leído|trending(?: now)?|about the author|(?:share|like) this:)$/i

/** A share bar's first line ("Share this article", "Teilen", "Sdílet článek"). */
const SHARE_BAR =
  /^(?:share|teilen|partager|compartir|compartilhar|condividi|delen|dela|del|jaa|sdílet|udostępnij)\b.{0,30}$/i

/** A share bar right above a box of teasers closes the story: pages set both under it. */
const sharedJustAbove = (lines: readonly string[], box: number) =>
  [1, 2].some((back) => SHARE_BAR.test(lines[box - back] ?? ''))

/** How far after a box of teasers the story may go on. */
const TEASER_BOX_LINES = 12

/**
 * Where the story goes on after a box of teasers set into it: a paragraph, and a sentence after
 * it, past the teasers' short titles. A box at the story's end is followed by tags, comments
 * and more teasers instead.
 */
function storyAfterTeasers(lines: readonly string[], box: number, end: number): number | undefined {
  const paragraph = (index: number) => index <= end && wordsIn(lines[index] ?? '') >= 20
  let teaserTitle = false
  for (let index = box + 1; index <= Math.min(end, box + TEASER_BOX_LINES); index++) {
    if (!paragraph(index)) teaserTitle = true
    else if (teaserTitle && index < end && isProse(lines[index + 1] ?? '')) return index
  }
  return undefined
}

/**
 * The byline's writer named again, alone or with what a page sets beside a name ("Martin
 * Untersinger (avec Damien Leloup)", "Ana Lee | Reporter"): an author box, which pages set
 * under a story and sometimes into it. A sentence that opens on the name is the story's own.
 */
function signsOff(line: string, byline: readonly BylineEntry[]): boolean {
  const name = byline[0]?.name
  if (!name || !line.startsWith(name)) return false
  return /^(?:$|\s*[(|•·–—,-])/.test(line.slice(name.length))
}

/** How far under an author box the story may go on: past the writer's title, date and tags. */
const AUTHOR_BOX_LINES = 6

/** A paragraph, not a paid offer's or a list's line, soon after an author box: the story's. */
function paragraphAfterBox(lines: readonly string[], box: number, end: number) {
  const last = Math.min(end, box + AUTHOR_BOX_LINES)
  for (let index = box + 1; index <= last; index++) {
    const line = lines[index] ?? ''
    if (isProse(line) && wordsIn(line) >= 20) return index
  }
  return undefined
}

/** How far a short line between sentences counts against keeping it in the story. */
const SHORT_LINE_COST = 4

/**
 * A line of code or a row of a table, set in a story ("SELECT count(*)", "404 │ 12", cells
 * parted by tabs): menus seldom look so, so it weighs far less against the story around it.
 */
const CODE_LINE = /[{};=<>│]|\w\(/
const CODE_LINE_COST = 1

interface Region {
  start: number
  end: number
}

/** The run of lines whose prose outweighs the short lines in it, by the most. */
export function storyRegion(lines: readonly string[]): Region | undefined {
  let best: Region | undefined
  let bestScore = 0
  let score = 0
  let start = 0
  for (const [index, line] of lines.entries()) {
    const weight = isProse(line)
      ? wordsIn(line)
      : -(CODE_LINE.test(line) ? CODE_LINE_COST : SHORT_LINE_COST)
    if (score <= 0) {
      score = 0
      start = index
    }
    score += weight
    if (score > bestScore) {
      bestScore = score
      best = { start, end: index }
    }
  }
  return best
}

/** Lines of menus and links around the story that only a page has. */
const MENU_LINES = 5
/** More labels above a story than any typed story's head and contact details hold. */
const MANY_MENU_LABELS = 16

/** A menu's item: no sentence, and no markup shown as text. */
const isMenuLabel = (line: string) => !endsSentence(line) && !line.startsWith('<')

/**
 * Whether this text is a copied page, not a story typed with blank lines between paragraphs: a
 * page's menus and links stand one under another with no empty line between them, above the
 * story, or a few above it and many after it. (Lines of spaces are a page's layout, not a
 * typist's.)
 */
export function looksLikeCopiedPage(text: string): boolean {
  const lines = pageLines(text)
  const region = storyRegion(lines)
  if (!region) return false
  let above = 0
  let empty = 0
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (above >= region.start) break
    if (raw.trim()) above += 1
    else if (!raw) empty += 1
  }
  // Blank lines between paragraphs are a typist's; a page may set them between its menu's
  // items too (LWN's), and no typed story opens on as many labels as a page's menus.
  const labels = lines.slice(0, region.start).filter(isMenuLabel).length
  if (empty >= above / 2 && labels < MANY_MENU_LABELS) return false
  const after = lines.slice(region.end + 1).filter((line) => !isProse(line)).length
  return above >= MENU_LINES || (above >= 3 && after >= MENU_LINES)
}

/** A caption is a line or two; longer lines are the story's. */
const CAPTION_WORDS = 40

/** A picture's caption and credit: a line with a credit, or the line under an "Image" label. */
function pictureCaption(line: string, above: string) {
  if (wordsIn(line) >= CAPTION_WORDS) return undefined
  return (
    splitCaptionCredit(line) ??
    (PICTURE_LABEL.test(above) && !isProse(line) ? { caption: line, credit: '' } : undefined)
  )
}

export function parseCopiedPage(text: string): ParsedStory {
  const story = emptyStory()
  const lines = pageLines(text)
  const region = storyRegion(lines)
  if (!region) return story
  const header = findPageHeader(lines, region.start)
  // A headline found past the run of sentences (the page gave it again over its story) starts
  // the story's own run.
  const end =
    header.storyStart > region.end
      ? header.storyStart + (storyRegion(lines.slice(header.storyStart))?.end ?? -1)
      : region.end
  const at = (index: number | undefined) => (index === undefined ? '' : (lines[index] ?? ''))
  story.headline = at(header.headline)
  story.standfirst = at(header.standfirst)
  story.byline = header.byline

  /** Blocks of HTML, and the cells of a table's rows. */
  const body: (string | string[])[] = []
  for (let index = header.storyStart; index <= end; index++) {
    const line = lines[index] ?? ''
    if (header.taken.has(index) || line === story.headline || line === story.standfirst) continue
    if (body.length > 0 && signsOff(line, story.byline)) {
      // Set after a picture, the box stands between the story's paragraphs.
      const goesOn = paragraphAfterBox(lines, index, end)
      if (goesOn === undefined) break
      index = goesOn - 1
      continue
    }
    if (STORY_ENDS.test(line)) {
      if (body.length > 0) break
      continue
    }
    if (NEWSLETTER_SIGN_UP.test(line)) {
      // Set between paragraphs, the story goes on under it; after its last, it is over.
      if (body.length > 0 && !isProse(lines[index + 1] ?? '')) break
      continue
    }
    if (TEASER_BOX.test(line)) {
      if (body.length === 0) continue
      if (!SHARE_BAR.test(line) && sharedJustAbove(lines, index)) break
      const goesOn = storyAfterTeasers(lines, index, end)
      if (goesOn === undefined) break
      index = goesOn - 1
      continue
    }
    if (line.includes(CELL)) {
      body.push(line.split(CELL))
      continue
    }
    if (TYPED_BULLET.test(line)) {
      const item = line.replace(/^\S\s+/, '') // the bullet itself is the list's to draw
      body.push(`<li><p>${escapeHtml(item)}</p></li>`)
      continue
    }
    if (FURNITURE_LINE.test(line) || isDateLine(line)) continue
    if (body.length === 0 && bylineFromLine(line)) {
      if (story.byline.length === 0) story.byline = bylineFromLine(line) ?? []
      continue
    }
    const caption = pictureCaption(line, lines[index - 1] ?? '')
    if (caption) {
      // A credit line alone ("Image: Jo Smith / Herald") credits the short line above it.
      const above = lines[index - 1] ?? ''
      if (!caption.caption && body.at(-1) === `<p>${escapeHtml(above)}</p>`) {
        body.pop()
        caption.caption = above
      }
      story.pictures.push({ ...caption, alt: '', name: `picture ${story.pictures.length + 1}` })
      body.push(picturePlaceholder(story.pictures.length - 1))
      continue
    }
    // A short line among the story's sentences is a subheading, unless it is a sentence itself.
    const subheading = !isProse(line) && !endsSentence(line)
    body.push(subheading ? `<h2>${escapeHtml(line)}</h2>` : `<p>${escapeHtml(line)}</p>`)
  }
  story.bodyHtml = withListsAndTables(body)
  return story
}

const isItem = (block: string | string[] | undefined) =>
  typeof block === 'string' && block.startsWith('<li>')
const isRow = (block: string | string[] | undefined) => Array.isArray(block)

/**
 * Items of a typed list, one after another, as one list; rows, one after another, as a table.
 * A row alone is a line of a page laid out with tabs: its cells are a paragraph.
 */
function withListsAndTables(blocks: readonly (string | string[])[]): string {
  const html: string[] = []
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] ?? ''
    if (!isRow(block)) {
      const opens = isItem(block) && !isItem(blocks[index - 1])
      const closes = isItem(block) && !isItem(blocks[index + 1])
      html.push(`${opens ? '<ul>' : ''}${String(block)}${closes ? '</ul>' : ''}`)
      continue
    }
    let end = index
    while (isRow(blocks[end + 1])) end += 1
    const rows = blocks.slice(index, end + 1) as string[][]
    index = end
    if (rows.length === 1) {
      html.push(`<p>${escapeHtml(rows.flat().filter(Boolean).join(' '))}</p>`)
      continue
    }
    const columns = Math.max(...rows.map((cells) => cells.length))
    const cell = (text = '') => `<td><p>${escapeHtml(text)}</p></td>`
    const tableRows = rows.map(
      (cells) =>
        `<tr>${Array.from({ length: columns }, (_, column) => cell(cells[column])).join('')}</tr>`,
    )
    html.push(`<table><tbody>${tableRows.join('')}</tbody></table>`)
  }
  return html.join('')
}

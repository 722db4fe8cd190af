import { bylineFromLine } from './byline-line'
import { splitCaptionCredit } from './caption'
import { emptyStory, escapeHtml, picturePlaceholder, type ParsedStory } from './parsed-story'

/**
 * Text copied from a whole web page (Select All, Copy) holds the story amid the site's menus,
 * buttons, teasers and footers, one line per block. The story is the stretch of the page that is
 * mostly sentences: found as the run of lines whose words outweigh the short lines around them
 * (the idea of Finn's body text extraction, on lines instead of tags). Above it sit the headline,
 * standfirst and byline; after it, comments and "Most read" end it.
 */

/** Lines that end the story wherever they stand: the furniture that follows an article. */
const STORY_ENDS =
  /^(?:\d+\s+)?(?:comments?|leave a (?:reply|comment)|join the (?:conversation|discussion)|related(?: (?:articles|stories|content|posts|coverage))?|more (?:from|on|in) .{1,40}|you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|share this (?:article|story|post)|about the author)$/i

/** A whole line that is only page furniture, wherever it stands. */
const FURNITURE_LINE =
  /^(?:share(?: this)?|tweet|pin|email|print|copy link|facebook|twitter|x|whatsapp|linkedin|reddit|advertisement|advert|sponsored|skip to (?:main )?content|menu|close|search|subscribe|sign in|log in|\d+ min read|image|photo|video|play|listen|[\w-]+\.(?:jpe?g|png|gif|webp|svg))$/i

/** A line of a date or time alone ("April 5, 2018 | 6:00 PM", "Updated 14:02"). */
const DATE_LINE =
  /^(?:(?:updated|published|posted|last updated)[: ]*)?(?:[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}\.? [A-Za-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b.{0,40}$/i

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu

/** About how many words a line holds, in any script: a CJK character counts for most of one. */
function wordsIn(line: string): number {
  const cjk = line.match(CJK)?.length ?? 0
  const latin = line.replace(CJK, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return latin + cjk / 1.5
}

const endsSentence = (line: string) => /[.!?。！？…:;"”»)]$/.test(line)

/** Story text: a sentence of some length, or a long line. */
const isProse = (line: string) => {
  const words = wordsIn(line)
  return words >= 25 || (words >= 6 && endsSentence(line))
}

/** How far a short line between sentences counts against keeping it in the story. */
const SHORT_LINE_COST = 4

interface Region {
  start: number
  end: number
}

/** The run of lines whose prose outweighs the short lines in it, by the most. */
function storyRegion(lines: readonly string[]): Region | undefined {
  let best: Region | undefined
  let bestScore = 0
  let score = 0
  let start = 0
  for (const [index, line] of lines.entries()) {
    const weight = isProse(line) ? wordsIn(line) : -SHORT_LINE_COST
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

/**
 * Whether this text is a copied page, not a story typed with blank lines between paragraphs: a
 * page's menus and links come first, many short lines one under another with no blank line
 * between them.
 */
export function looksLikeCopiedPage(text: string): boolean {
  const region = storyRegion(pageLines(text))
  if (!region) return false
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n')
  let seen = 0
  let blank = 0
  for (const raw of rawLines) {
    if (seen >= region.start) break
    if (raw.trim()) seen += 1
    else blank += 1
  }
  return seen >= 8 && blank < seen / 2
}

const pageLines = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)

const HEADLINE_LOOKBACK = 30

/** Words of buttons, players, captions and teasers: a line with one is no headline. */
const UI_WORDS =
  /\b(share|permalink|video|play|newsletter|sign up|download|app|follow|comments?|photo(?:graph)?s?:|credit|caption|ago|min read|from:|filed to|subscribe|advertisement|cookies?)\b/i

function isHeadlineLike(line: string): boolean {
  const words = wordsIn(line)
  return (
    words >= 2 &&
    words <= 40 &&
    !/[.:;,]$/.test(line) &&
    !FURNITURE_LINE.test(line) &&
    !DATE_LINE.test(line) &&
    !bylineFromLine(line)
  )
}

export function parseCopiedPage(text: string): ParsedStory {
  const story = emptyStory()
  const lines = pageLines(text)
  const region = storyRegion(lines)
  if (!region) return story
  let { start } = region
  let end = region.end
  for (let index = start; index <= end; index++) {
    if (STORY_ENDS.test(lines[index] ?? '')) {
      end = index - 1
      break
    }
  }

  // Above the story: its byline, and the headline, the most headline-like line near it.
  const lookback = Math.max(0, start - HEADLINE_LOOKBACK)
  let headlineIndex = -1
  let bestScore = 0
  for (let index = start - 1; index >= lookback; index--) {
    const line = lines[index] ?? ''
    const byline = bylineFromLine(line)
    if (byline) {
      if (story.byline.length === 0) story.byline = byline
      continue
    }
    if (!isHeadlineLike(line) || UI_WORDS.test(line)) continue
    const score = Math.min(wordsIn(line), 20) - (start - index) * 0.25
    if (wordsIn(line) >= 4 && score > bestScore) {
      bestScore = score
      headlineIndex = index
    }
  }
  // A story whose first line is its headline (a page with nothing above, or a typed story).
  if (headlineIndex < 0 && isHeadlineLike(lines[start] ?? '') && !isProse(lines[start] ?? '')) {
    headlineIndex = start
    start += 1
  }
  if (headlineIndex >= 0) {
    story.headline = lines[headlineIndex] ?? ''
    // Between the headline and the byline or date line under it, a sentence is the standfirst
    // (even where the story's run of sentences took it in).
    const under = lines.slice(headlineIndex + 1, headlineIndex + 8)
    const marker = under.findIndex((line) => bylineFromLine(line) || DATE_LINE.test(line))
    const between = lines.slice(headlineIndex + 1, region.start)
    const standfirst = (marker > 0 ? under.slice(0, marker) : between).find(
      (line) => isProse(line) && !bylineFromLine(line) && !DATE_LINE.test(line),
    )
    if (standfirst && standfirst.length <= 400) story.standfirst = standfirst
    if (story.byline.length === 0) {
      const byline = under.map(bylineFromLine).find((entries) => entries !== undefined)
      if (byline) story.byline = byline
    }
  }

  const body: string[] = []
  for (const line of lines.slice(start, end + 1)) {
    if (FURNITURE_LINE.test(line) || DATE_LINE.test(line)) continue
    if (line === story.headline || line === story.standfirst) continue
    if (body.length === 0 && bylineFromLine(line)) {
      if (story.byline.length === 0) story.byline = bylineFromLine(line) ?? []
      continue
    }
    const caption = line.length < 400 ? splitCaptionCredit(line) : undefined
    if (caption) {
      story.pictures.push({ ...caption, alt: '', name: `picture ${story.pictures.length + 1}` })
      body.push(picturePlaceholder(story.pictures.length - 1))
      continue
    }
    // A short line among the story's sentences is a subheading, unless it is a sentence itself.
    const subheading = !isProse(line) && !endsSentence(line)
    body.push(subheading ? `<h2>${escapeHtml(line)}</h2>` : `<p>${escapeHtml(line)}</p>`)
  }
  story.bodyHtml = body.join('')
  return story
}

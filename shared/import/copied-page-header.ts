import type { BylineEntry } from '../article'
import { bylineFromNameLine } from './byline-line'
import { splitCaptionCredit } from './caption'
import { isDateLine } from './date-line'
import {
  CELL,
  endsSentence,
  FURNITURE_LINE,
  isProse,
  keyWords,
  mostlyCjk,
  PICTURE_LABEL,
  TEASER_BOX,
  TYPED_BULLET,
  wordsIn,
} from './page-lines'

/** Where a copied page's headline, standfirst and byline are, by line. */
export interface PageHeader {
  headline?: number
  standfirst?: number
  byline: BylineEntry[]
  /** Lines the header took, which are not the story's text. */
  taken: Set<number>
  /** Where the story's text begins: after a headline found inside the run of sentences. */
  storyStart: number
}

const LOOKBACK = 40
/** How far above the story a headline marked by its byline or date may stand. */
const FAR_LOOKBACK = 120
/**
 * How far into the run of sentences a headline may stand: a cookie notice or a sign-up box just
 * above a story reads as sentences too.
 */
const LOOKAHEAD = 15
/** How far under the headline its byline and standfirst may stand. */
const UNDER = 8

/** How far under a headline its byline or date is looked for, past a page's buttons. */
const MARK_SCAN_LINES = 24
/** A button's label: a word or two. */
const BUTTON_WORDS = 2

/** "… What's Underneath N.Y.C.": a headline may end on initials, not on a full stop. */
const ENDS_WITH_INITIALS = /\b(?:\p{Lu}\.){2,}$/u

/** A blog's heading over its comments, naming the post. */
const COMMENTS_ON =
  /^(?:\d+|one|two|three) (?:comments?|thoughts?|responses?|replies|reactions?) (?:on|to) [“"‘'](.+)[”"’']$/i

/** What Wikipedia sets under an article's title, and the tabs it may set between them. */
const ENCYCLOPEDIA = /^from wikipedia, the free encyclopedia$/i
const ENCYCLOPEDIA_TABS =
  /^(?:\d+ languages|add languages|article|talk|read|edit|view (?:history|source)|tools)$/i

/** "On Recent Controversial Events": more words than a name has, with the same capitals. */
const TITLE_CASE_WORDS = 4

/** Longer lines above a story are captions and teasers' summaries. */
const MAX_HEADLINE_WORDS = 22
/** Japanese and Chinese headlines run to some 45 characters. */
const MAX_CJK_HEADLINE_WORDS = 30

/** Words of buttons, players, captions and teasers: a line with one is no headline. */
const UI_WORDS =
  /\b(share|permalink|ready to publish|visibility as needed|(?:watch|play) (?:the )?video|video player|newsletter|sign up|download|get the app|follow|comments?|photo(?:graph)?s?:|credits?:|caption|ago|min read|from:|filed to|subscribe|advertisement|cookies?|privacy|sponsor(?:ed)?|log ?in|sign in|skip to|jump to)\b/i

/** "News > 2015 > KW 15 > …": where the page is, not what it says. */
const BREADCRUMB = /(?:\s[>›»|/]\s.*){2}/

/** What a page sets beside a byline: a date, a job title, a follow button, the reading time. */
const BESIDE_BYLINE =
  /^(?:follow|share|\d+ min(?:ute)? read|.{0,40}\b(?:editor|writer|reporter|correspondent|columnist|contributor|press|news)\b.{0,20})$/i

/**
 * Whether a line could be the headline. A title in title case reads as a name too, unless a
 * byline stands right under it (`overByline`): a name has none.
 */
function isHeadlineLike(line: string, overByline = false): boolean {
  const words = wordsIn(line)
  return (
    words >= 3 &&
    words <= (mostlyCjk(line) ? MAX_CJK_HEADLINE_WORDS : MAX_HEADLINE_WORDS) &&
    !line.includes(CELL) &&
    (!/[.:;,]$/.test(line) || ENDS_WITH_INITIALS.test(line)) &&
    !FURNITURE_LINE.test(line) &&
    !UI_WORDS.test(line) &&
    !BREADCRUMB.test(line) &&
    !isDateLine(line) &&
    !splitCaptionCredit(line) &&
    !TYPED_BULLET.test(line) &&
    (overByline || !readsAsName(line, words))
  )
}

/**
 * A byline's line. A headline in title case reads as a name alone: one longer than most names
 * may be a headline, unless the page dates it (see bylineAt).
 */
function readsAsName(line: string, words: number): boolean {
  const name = bylineFromNameLine(line)
  return name !== undefined && (!name.bare || words < TITLE_CASE_WORDS)
}

/** Teasers stand under a box's label ("Related", "Sur le même sujet") until the story goes on. */
function inTeaserBox(lines: readonly string[], index: number): boolean {
  for (let above = index - 1; above >= Math.max(0, index - TEASER_LINES); above--) {
    const line = lines[above] ?? ''
    if (TEASER_BOX.test(line)) return true
    // A sentence is the story going on; teasers' titles (in CJK as long as a sentence) are not.
    if (isProse(line) && endsSentence(line)) return false
  }
  return false
}

/** A byline line, and whether it is a name alone that its neighbours must confirm. */
function bylineAt(lines: readonly string[], index: number, allowBare: boolean) {
  const line = lines[index] ?? ''
  if (line.includes(CELL)) return undefined // a table's row, not a byline
  const read = bylineFromNameLine(line)
  if (!read) return undefined
  if (!read.bare) return read.entries
  if (!allowBare) return undefined
  const next = lines[index + 1] ?? ''
  const previous = lines[index - 1] ?? ''
  return isDateLine(next) || BESIDE_BYLINE.test(next) || isDateLine(previous)
    ? read.entries
    : undefined
}

/**
 * The headline, standfirst and byline above a copied page's story, which starts at
 * `sentencesStart`. The headline is the line that best tells itself from the menus, teasers and
 * captions around it: a byline or date set right under it, the page giving it twice (breadcrumb
 * and title), a longer standfirst under it, and the words it shares with the story. The weights
 * were set on the import bench's corpus (docs/benchmarks.md); none of them decides alone.
 */
export function findPageHeader(lines: readonly string[], sentencesStart: number): PageHeader {
  const header: PageHeader = { byline: [], taken: new Set(), storyStart: sentencesStart }
  const storyWords = new Set(
    lines
      .slice(sentencesStart, sentencesStart + 60)
      .filter(isProse)
      .flatMap(keyWords),
  )
  // Blogs name the post again over its comments: "2 comments on “These Weeks in Firefox”".
  const namedTitle = lines
    .map((line) => COMMENTS_ON.exec(line)?.[1])
    .find((title) => title !== undefined)
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1)
  // Pages give their headline twice: in a breadcrumb or a share box, and over the story, perhaps
  // broken over two lines or without its first word.
  const givenTwice = (index: number) => {
    const line = lines[index] ?? ''
    if ((counts.get(line) ?? 0) > 1) return true
    const own = spokenWords(line)
    for (let next = index + 1; next <= index + REPEAT_LINES; next++) {
      const one = spokenWords(lines[next] ?? '')
      for (const other of [one, `${one} ${spokenWords(lines[next + 1] ?? '')}`]) {
        if (other.split(' ').length >= 3 && other.length >= own.length * 0.7 && own.endsWith(other))
          return true
      }
    }
    return false
  }

  const marksHeadline = (index: number) => {
    const last = Math.min(lines.length, index + 1 + MARK_SCAN_LINES)
    for (let next = index + 1, seen = 0; next < last && seen < 4; next++) {
      const line = lines[next] ?? ''
      if (isDateLine(line) || bylineAt(lines, next, true)) return true
      // Buttons between a headline and its byline ("Resize Text", "Print Article") say nothing.
      if (!FURNITURE_LINE.test(line) && wordsIn(line) > BUTTON_WORDS) seen += 1
    }
    return false
  }
  // A headline's standfirst sits right under it, and says more than it does.
  const hasStandfirstUnder = (index: number) => {
    const next = lines[index + 1] ?? ''
    return wordsIn(next) >= 8 && next.length > (lines[index] ?? '').length && !isDateLine(next)
  }
  const score = (index: number) => {
    const line = lines[index] ?? ''
    const marked = marksHeadline(index)
    const words = keyWords(line)
    // Two words shared say less than four: a short button shares its words by chance.
    const shared = words.length
      ? (words.filter((word) => storyWords.has(word)).length / words.length) *
        Math.min(1, words.length / SURE_SHARED_WORDS)
      : 0
    return (
      Math.min(wordsIn(line), 12) * 0.4 +
      (marked ? 8 : 0) +
      (hasStandfirstUnder(index) ? 2 : 0) -
      // …and a longer line under a headline, with no byline or date of its own, is a standfirst.
      (index > 0 &&
      !marked &&
      hasStandfirstUnder(index - 1) &&
      isHeadlineLike(lines[index - 1] ?? '')
        ? 3
        : 0) +
      (isDateLine(lines[index - 1] ?? '') ? 3 : 0) -
      (PICTURE_LABEL.test(lines[index - 1] ?? '') ? 6 : 0) +
      (givenTwice(index) ? 4 : 0) +
      (namedTitle !== undefined && spokenWords(line) === spokenWords(namedTitle) ? 12 : 0) +
      shared * 8 -
      Math.abs(sentencesStart - index) * 0.1
    )
  }

  let best = -Infinity
  const first = Math.max(0, sentencesStart - LOOKBACK)
  const last = Math.min(lines.length - 1, sentencesStart + LOOKAHEAD)
  // An encyclopedia's title, however short, stands above its tagline, past the article's tabs.
  const tagline = range(1, last + 1).find((index) => ENCYCLOPEDIA.test(lines[index] ?? ''))
  if (tagline !== undefined) {
    let title = tagline - 1
    while (title > 0 && ENCYCLOPEDIA_TABS.test(lines[title] ?? '')) title -= 1
    header.headline = title
  }
  for (let index = first; index <= last && tagline === undefined; index++) {
    const line = lines[index] ?? ''
    const overByline = bylineFromNameLine(lines[index + 1] ?? '')?.bare === false
    if (
      !isHeadlineLike(line, overByline) ||
      inTeaserBox(lines, index) ||
      bylineAt(lines, index, true)
    )
      continue
    // Inside the sentences, only a headline that a byline or date marks as one, or the page
    // gives twice.
    if (
      index >= sentencesStart &&
      !marksHeadline(index) &&
      !(index < sentencesStart + REPEAT_LINES && givenTwice(index))
    )
      continue
    const value = score(index)
    if (value > best) {
      best = value
      header.headline = index
    }
  }

  // A review's score box or a gallery may stand between the headline and the story's first
  // sentences: further up, only a headline with its byline or date under it.
  if (tagline === undefined && (header.headline === undefined || !marksHeadline(header.headline))) {
    const far = range(Math.max(0, sentencesStart - FAR_LOOKBACK), first).filter(
      (index) =>
        isHeadlineLike(lines[index] ?? '') &&
        !inTeaserBox(lines, index) &&
        !bylineAt(lines, index, true) &&
        marksHeadline(index),
    )
    const [likeliest] = far.sort((a, b) => score(b) - score(a))
    if (likeliest !== undefined) header.headline = likeliest
  }

  // A page that opens a story over its stream of teasers gives the story's headline twice: as
  // a teaser, with nothing marking it, and again further down over the story, with its byline
  // or date under it. The story is under the second.
  const teaser = header.headline
  if (teaser !== undefined && !marksHeadline(teaser)) {
    const again = range(teaser + 1, lines.length).find(
      (index) => lines[index] === lines[teaser] && marksHeadline(index),
    )
    if (again !== undefined) header.headline = again
  }

  const headline = header.headline
  if (headline !== undefined && headline >= sentencesStart) header.storyStart = headline + 1
  const storyStart = header.storyStart
  const below = headline === undefined ? storyStart : headline + 1
  const end = Math.min(lines.length, Math.max(storyStart, below) + UNDER)
  // Its byline: the first under the headline (a "By" line, or a name that a date, job title or
  // reading time beside it confirms), else a "By" line or a name with a date a little further,
  // else the "By" line nearest above the story, else a confirmed name there.
  const above = range(Math.max(0, storyStart - LOOKBACK), storyStart).reverse()
  // A byline under the headline in a box of teasers is a teaser's.
  const underHeadline = (allowBare: boolean) => (index: number) =>
    !inTeaserBox(lines, index) && bylineAt(lines, index, allowBare)
  // Last, a name alone right under the headline, or under it and its standfirst (an
  // encyclopedia sets the name in another language there).
  const headlineText = headline === undefined ? undefined : lines[headline]
  const nameUnderHeadline = (index: number) =>
    tagline === undefined &&
    bylineFromNameLine(lines[index] ?? '')?.bare === true &&
    (lines[index - 1] === headlineText ||
      (lines[index - 2] === headlineText && hasStandfirstUnder(index - 2)))
  const bylineIndex =
    range(below, Math.min(end, below + UNDER)).find(underHeadline(true)) ??
    range(below, end).find(underHeadline(false)) ??
    above.find((index) => bylineAt(lines, index, false)) ??
    above.find((index) => bylineAt(lines, index, true)) ??
    range(below, end).find(nameUnderHeadline)
  if (bylineIndex !== undefined) {
    header.byline =
      bylineAt(lines, bylineIndex, true) ??
      bylineFromNameLine(lines[bylineIndex] ?? '')?.entries ??
      []
    header.taken.add(bylineIndex)
  }

  if (headline !== undefined) {
    header.taken.add(headline)
    // Between the headline and the byline or date under it, a sentence is the standfirst; with
    // neither, the first sentence between the headline and the story.
    const marker = range(below, end).find(
      (index) => index === bylineIndex || isDateLine(lines[index] ?? ''),
    )
    const standfirst = range(below, marker ?? storyStart).find((index) => {
      const line = lines[index] ?? ''
      return (
        wordsIn(line) >= 6 &&
        line.length <= 400 &&
        !line.includes(CELL) &&
        (isProse(line) || !endsSentence(line)) &&
        !splitCaptionCredit(line) &&
        !isDateLine(line)
      )
    })
    if (standfirst !== undefined) {
      header.standfirst = standfirst
      header.taken.add(standfirst)
    }
  }
  return header
}

/** How many words a line must share with the story for its share to count in full. */
const SURE_SHARED_WORDS = 3

/** How many lines of a box of teasers a headline is not looked for in. */
const TEASER_LINES = 12

/** How far under a headline the page may give it again. */
const REPEAT_LINES = 6

/** A line's words, lower case, without its punctuation. */
const spokenWords = (line: string) => (line.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset)

/**
 * Media set into a story copy as dozens of short lines: a video player's controls ("Play
 * Video", "Current Time 0:00", then its captions dialog's every colour and font) and a gallery's
 * slides ("1/50 United goin down", its caption, its credit, … "50/50 …"). Set between the
 * story's paragraphs they part it in two, and the half above them, headline and all, is lost:
 * they are left out before the page is read.
 */

/** The player's first control, known by the time display that follows it. */
const PLAY = /^play(?: video)?$/i
const TIME_DISPLAY = /^(?:current time|duration time|remaining time)\b/i
const TIME_DISPLAY_WITHIN = 4
/** Where the player's text ends: its dialog's closing words (video.js says these). */
const PLAYER_END =
  /^(?:this is a modal window\.(?: .*close button\.)?|end of dialog window\.|fullscreen)$/i
/** The captions dialog runs to some 80 lines; no more is taken. */
const PLAYER_LINES = 120

/** A slide's number of the gallery's count, before its title: "17/50 Argentina hit by strikes". */
const SLIDE = /^(\d{1,3})\/(\d{1,3})\b/
/** A gallery of fewer slides may be a story's own numbered points. */
const MIN_SLIDES = 5
/** A slide's caption and credit under its title. */
const MAX_SLIDE_LINES = 6

/** The last line of a video player that starts at `start`, if one does. */
function playerEnd(lines: readonly string[], start: number): number | undefined {
  const next = lines.slice(start + 1, start + 1 + TIME_DISPLAY_WITHIN)
  if (!PLAY.test(lines[start] ?? '') || !next.some((line) => TIME_DISPLAY.test(line)))
    return undefined
  let end = start
  for (let index = start + 1; index < Math.min(lines.length, start + PLAYER_LINES); index++)
    if (PLAYER_END.test(lines[index] ?? '')) end = index
  return end
}

/** The last line of a gallery whose first slide is at `start`, if every slide follows in turn. */
function galleryEnd(lines: readonly string[], start: number): number | undefined {
  const first = SLIDE.exec(lines[start] ?? '')
  const count = Number(first?.[2])
  if (first?.[1] !== '1' || count < MIN_SLIDES) return undefined
  let slide = start
  /** How many slides take each number of lines. */
  const lengths = new Map<number, number>()
  for (let number = 2; number <= count; number++) {
    const next = lines
      .slice(slide + 1, slide + 1 + MAX_SLIDE_LINES)
      .findIndex((line) => SLIDE.exec(line)?.slice(1, 3).join('/') === `${number}/${count}`)
    if (next < 0) return undefined
    lengths.set(next + 1, (lengths.get(next + 1) ?? 0) + 1)
    slide += next + 1
  }
  // The last slide has its caption and credit under it, as most slides before it do.
  const [usual = 1] = [...lengths].sort((a, b) => b[1] - a[1])[0] ?? []
  return Math.min(lines.length - 1, slide + usual - 1)
}

export function withoutEmbeddedMedia(lines: readonly string[]): string[] {
  const kept: string[] = []
  for (let index = 0; index < lines.length; index++) {
    const end = playerEnd(lines, index) ?? galleryEnd(lines, index)
    if (end === undefined) kept.push(lines[index] ?? '')
    else index = end
  }
  return kept
}

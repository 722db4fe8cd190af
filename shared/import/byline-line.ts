import { BYLINE_PREFIX, parseBylineText, type BylineEntry } from '../article'
import { isDateLine, MONTHS } from './date-line'

/** Where a byline line turns into a date, a time, or the page's buttons. */
const NOT_A_NAME = new RegExp(
  `^(?:(?:${MONTHS})\\.?|updated|published|posted|follow|photo|\\d.*|@.*|[|•·–—].*)$`,
  'i',
)
const PARTICLES = new Set([
  'de',
  'del',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'al',
])
const JOINERS = /^(?:and|&|et|und|y)$/i
/** Words of a job title: the part of a byline that says who the person is, not their name. */
const ROLE_WORDS =
  /\b(reporter|correspondent|editor|writer|columnist|staff|technologist|contributor|producer|analyst|director|officer|senior|chief|bureau|critic|photographer|associated press|reuters|afp)s?\b/i

/** A degree after a name ("Brenda Goodman, MA"): the person's, not another name. */
const CREDENTIAL = /^(?:MA|MD|PhD|RN|MPH|MSc|MS|MBA|JD|DO|DDS|RD|BSc|BA)\b/

const MONTH_WORD = new RegExp(`^(?:${MONTHS})\\.?$`, 'i')

/** What a page runs on after a name (a date and time, "Updated 2 hours ago") is a few words. */
const MAX_AFTER_NAME_WORDS = 5

/** A job title is a few words; more after a name is a bio. */
const MAX_ROLE_WORDS = 8

/** A word of a name; a month is one ("Laura June Topolsky") unless a day follows it. */
const isNameWord = (word: string, next = '') =>
  (!NOT_A_NAME.test(word) || (MONTH_WORD.test(word) && !/^\d/.test(next))) &&
  (/^\p{Lu}/u.test(word) || PARTICLES.has(word.toLowerCase()))

/**
 * The people a "By …" line on a copied page names, with the date, time and buttons that pages
 * run on after the names left off, and a job title ("Senior Staff Technologist, ACLU") kept as
 * the role. Undefined when the line is no byline.
 */
export function bylineFromLine(line: string): BylineEntry[] | undefined {
  if (!BYLINE_PREFIX.test(line)) return undefined
  // A handle run on after the name ("Alissa Wilkinson@alissamarie") is no part of it.
  const parts = line
    .replace(BYLINE_PREFIX, '')
    .replace(/(\p{L})@/gu, '$1 @')
    .split(/\s*,\s*/)
  const entries: BylineEntry[] = []
  for (const [index, part] of parts.entries()) {
    if (entries.length > 0 && (ROLE_WORDS.test(part) || CREDENTIAL.test(part))) {
      const role = parts.slice(index).join(', ')
      // A bio after the name ("a deputy editor who has covered…") is no part of the byline.
      if (role.split(/\s+/).length <= MAX_ROLE_WORDS) {
        const last = entries[entries.length - 1] as BylineEntry
        last.role = role
      }
      break
    }
    let name: string[] = []
    let ranOn = false
    const words = part.split(/\s+/)
    for (const [wordIndex, word] of words.entries()) {
      if (JOINERS.test(word)) {
        if (name.length) entries.push({ name: name.join(' ') })
        name = []
      } else if (isNameWord(word, words[wordIndex + 1])) name.push(word)
      else {
        ranOn = true
        break
      }
    }
    if (name.length) entries.push({ name: name.join(' ') })
    // A part that ran into a date or a button ends the names.
    if (ranOn || name.length === 0) break
  }
  const named = entries.filter((entry) => entry.name.split(' ').length <= 5)
  return named.length > 0 ? named : undefined
}

/** News agencies, as wire bylines name them after the writer ("Christian Hollmann, dpa"). */
const AGENCIES =
  /^(?:dpa|ap|afp|reuters|ntb|anp|ansa|efe|pa|tt|ritzau|apa|sda|keystone-sda|belga|kyodo|xinhua|epa|aap|bloomberg|associated press|agence france-presse)$/i

/** An agency named after a writer is the writer's role, not a second writer. */
export function agencyAsRole(entries: BylineEntry[]): BylineEntry[] {
  const result: BylineEntry[] = []
  for (const entry of entries) {
    const previous = result[result.length - 1]
    if (previous && !previous.role && AGENCIES.test(entry.name.trim())) previous.role = entry.name
    else result.push({ ...entry })
  }
  return result
}

/**
 * A byline field's text, with or without "By": names with their job titles as roles ("Jane Doe,
 * AP Business Writer" is one person), read as the names a copied page gives where it can be,
 * else split at commas and "and".
 */
export function bylineFromText(text: string): BylineEntry[] {
  if (!text.trim()) return []
  return bylineFromLine(BYLINE_PREFIX.test(text) ? text : `By ${text}`) ?? parseBylineText(text)
}

/** Words that open a byline in other ways than "By" ("Written by", "Posted on DATE by"). */
const OTHER_OPENINGS = /^(?:\/\/\s*)?(?:(?:written|words|story|text|posted|reported)\s+)?by[:\s]+/i
const DATED_BY = /^(?:posted |published )?on .{3,40}? by\s+(.+)$/i
/** "Tuesday 15 October 2019 by Bradley M. Kuhn": the name after a date and "by". */
function nameAfterDate(text: string): string | undefined {
  const by = /\s+by\s+/i.exec(text)
  if (!by || !isDateLine(text.slice(0, by.index))) return undefined
  return text.slice(by.index + by[0].length)
}

/** What separates a name from the date, handle or counts a page puts beside it. */
const BESIDE_NAME = /\s+[|•·–—-]\s+|\s*,\s*@|\s+@|\s+\/\/\s+|\s*\|\s*/

/** Words a page's own labels are made of: a line of them alone names nobody. */
const LABEL_WORDS =
  /^(?:the|news|home|latest|top|more|share|follow|subscribe|sign|log|menu|search|video|photos?|live|tech|business|opinion|sport|sports|world|health|science|culture|politics|insider|editor|editors|staff|team|desk|press|media|blog|posts?|comments?|advertisement|related|about|contact|daily|weekly|magazine|review|reviews|guide|guides|story|stories|online|page|fiction|part|chapter|section|appendix|pictures)$/i

/** "Sarah Archer", "John C. Welch", "NATALIYA VASILYEVA": two to five words of a name. */
function nameWords(text: string): string | undefined {
  const words = text.trim().split(/\s+/)
  if (words.length < 2 || words.length > 5) return undefined
  const capitalised = words.filter((word) => /^[\p{Lu}(]/u.test(word))
  const fits = words.every(
    (word) =>
      (/^\(?\p{Lu}[\p{L}'’.-]*\)?$/u.test(word) || PARTICLES.has(word.toLowerCase())) &&
      !LABEL_WORDS.test(word),
  )
  return fits && capitalised.length >= 2 ? words.join(' ') : undefined
}

/**
 * A byline as pages set it under a headline, with or without "By": "Dan Goodin - Apr 16, 2015",
 * "James Akinaka • 8h", "Devindra Hardawar, @devindra", "Written by Patrick Allan", "on March
 * 10, 2015 by Nikhil Marathe", "Le Monde | 04.05.2015 | Par Martin Untersinger", or a name
 * alone. `bare` says the line is only a name, which only its place on the page makes a byline.
 */
export function bylineFromNameLine(
  line: string,
): { entries: BylineEntry[]; bare: boolean } | undefined {
  const text = line.trim()
  const dated = DATED_BY.exec(text)?.[1] ?? nameAfterDate(text)
  const opened = OTHER_OPENINGS.test(text) ? text.replace(OTHER_OPENINGS, '') : dated
  const prefixed = bylineFromLine(opened !== undefined ? `By ${opened}` : text)
  if (prefixed) return { entries: prefixed, bare: false }
  const parts = text.split(BESIDE_NAME).filter(Boolean)
  for (const part of parts.slice(1)) {
    const entries = bylineFromLine(part)
    if (entries) return { entries, bare: false }
  }
  // The name, then whatever the page runs on after it: a date, a time, "1 day ago".
  const first = parts[0] ?? ''
  const words = first.split(/\s+/)
  const cut = words.findIndex(
    (word, index) => NOT_A_NAME.test(word) && !isNameWord(word, words[index + 1]),
  )
  const name = nameWords(words.slice(0, cut < 0 ? undefined : cut).join(' '))
  if (!name) return undefined
  // "Raspberry Pi 3 - The credit card sized PC that…": a title going on, not a name and a date.
  const rest = [...(cut < 0 ? [] : words.slice(cut)), ...parts.slice(1)].join(' ')
  if (rest.split(/\s+/).length > MAX_AFTER_NAME_WORDS && !isDateLine(rest)) return undefined
  return { entries: [{ name }], bare: parts.length === 1 && cut < 0 }
}

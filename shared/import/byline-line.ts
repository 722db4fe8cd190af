import { BYLINE_PREFIX, parseBylineText, type BylineEntry } from '../article'

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december'
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

const isNameWord = (word: string) =>
  !NOT_A_NAME.test(word) && (/^\p{Lu}/u.test(word) || PARTICLES.has(word.toLowerCase()))

/**
 * The people a "By …" line on a copied page names, with the date, time and buttons that pages
 * run on after the names left off, and a job title ("Senior Staff Technologist, ACLU") kept as
 * the role. Undefined when the line is no byline.
 */
export function bylineFromLine(line: string): BylineEntry[] | undefined {
  if (!BYLINE_PREFIX.test(line)) return undefined
  const parts = line.replace(BYLINE_PREFIX, '').split(/\s*,\s*/)
  const entries: BylineEntry[] = []
  for (const [index, part] of parts.entries()) {
    if (entries.length > 0 && ROLE_WORDS.test(part)) {
      const last = entries[entries.length - 1] as BylineEntry
      last.role = parts.slice(index).join(', ')
      break
    }
    let name: string[] = []
    let ranOn = false
    for (const word of part.split(/\s+/)) {
      if (JOINERS.test(word)) {
        if (name.length) entries.push({ name: name.join(' ') })
        name = []
      } else if (isNameWord(word)) name.push(word)
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

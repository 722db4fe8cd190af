/** Month names and their abbreviations, as a regular-expression alternation. */
export const MONTHS = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sept?(?:ember)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
  // French, Spanish, Portuguese, German and Italian months that English spelling does not cover.
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'janeiro',
  'fevereiro',
  'março',
  'maio',
  'junho',
  'julho',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
  'januar',
  'februar',
  'märz',
  'juni',
  'juli',
  'oktober',
  'dezember',
  'gennaio',
  'febbraio',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'settembre',
  'ottobre',
  'dicembre',
].join('|')

const WEEKDAYS =
  '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|wednesday|saturday|tuesday|thursday'

const DATE_PART = new RegExp(
  [
    // "March 18", "18 March", "18. März", "1 de diciembre de 2017"
    `\\b(?:${MONTHS})\\.? \\d{1,2}\\b`,
    `\\b\\d{1,2}\\.? (?:de )?(?:${MONTHS})\\b`,
    // 2019-01-03, 03/01/2019, 04.05.2015, 9/11/13
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b',
    // 12:41 PM ET, 02.00 EST, 13h36
    '\\b\\d{1,2}[.:]\\d{2}(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))?(?:\\s*(?:et|est|edt|pst|pdt|utc|gmt|bst|cet|cest))?\\b',
    '\\b\\d{1,2}h\\d{2}\\b',
    // "1 day ago", "8h", "3 hours ago"
    '\\b\\d+\\s*(?:min(?:ute)?s?|h(?:ours?|rs?)?|d(?:ays?)?|weeks?)(?:\\s+ago)?$',
    '\\b\\d+\\s+\\w+\\s+ago\\b',
    // "před 2 hodinami", "vor 3 Stunden", "il y a 2 heures", "hace 5 minutos", "2 ore fa"
    '(?:^|\\s)(?:před|vor|il y a|hace|há)\\s+\\d+\\s+\\p{L}+',
    '\\b\\d+\\s+\\p{L}+\\s+(?:fa|sedan|geleden|temu|siden)$',
    // "Friday 25 December", "Thu 3 Jan"
    `\\b(?:${WEEKDAYS}),?\\s+(?:\\d|(?:${MONTHS})\\b)`,
  ].join('|'),
  'giu',
)

/** The same, without the global flag's memory of where the last search stopped. */
const HAS_DATE = new RegExp(DATE_PART.source, 'iu')

/** Words that go with a date on a page, in the languages above. */
const DATE_WORDS =
  /^(?:updated|published|posted|last|modified|on|at|the|and|mis|jour|le|la|à|am|um|uhr|de|del|el|às|alle|ore|aktualisiert|veröffentlicht|actualizado|publicado|atualizado|pubblicato|aggiornato|\d+|[|•·–—,:/-]+)$/i

/** "Associated PressDecember 2, 2016": a month that a page runs on after a name, unspaced. */
const GLUED_MONTH =
  /(\p{Ll})(?=(?:January|February|March|April|May|June|July|August|September|October|November|December) \d)/gu

/** At most this many other words: more, and the line says something besides its date. */
const MAX_OTHER_WORDS = 3

/**
 * Whether a short line on a copied page only dates the story ("April 5, 2018 | 6:00 PM",
 * "Thu 3 Jan 2019 02.00 EST", "Alex Perry 1 day ago" has a date in it too): pages put such lines
 * around the headline and byline, and they are no part of the story's text.
 */
export function isDateLine(text: string): boolean {
  const line = text.replace(GLUED_MONTH, '$1 ')
  if (!HAS_DATE.test(line)) return false
  const others = line
    .replace(DATE_PART, ' ')
    .split(/\s+/)
    .filter((word) => /\p{L}{2}/u.test(word) && !DATE_WORDS.test(word))
  return others.length <= MAX_OTHER_WORDS
}

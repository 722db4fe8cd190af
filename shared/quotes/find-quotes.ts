/**
 * The quotes in a story's text, in the quotation marks of the languages a newsroom writes in:
 * “English”, „German“, «French», ”Swedish”, »German books«, "typed", ‘single’, and the Nordic
 * dash that opens a paragraph of speech ("– Vi är glada, säger hon.").
 */

export type QuoteField = 'Headline' | 'Standfirst' | 'Body'

export interface FoundQuote {
  /** The quoted words, spaces collapsed. */
  quote: string
  field: QuoteField
}

/** Each opening mark, and the marks that close what it opens. */
const CLOSING: Record<string, string> = {
  '“': '”',
  '„': '“”',
  '«': '»',
  '»': '«',
  '”': '”',
  '"': '"',
}

/**
 * A single mark opens a quote only after a space or a bracket, and closes one only where no
 * letter follows: the same mark is the apostrophe in "don’t" and "the council’s".
 */
const SINGLE_OPEN = '‘'
const SINGLE_CLOSE = '’'

/** Fewer words in marks are a title or scare quotes ("so-called “experts”"), not speech. */
const MIN_QUOTE_WORDS = 3

/** Languages whose speech opens a paragraph with a dash, and the verbs that say who spoke. */
const DASH_LANGUAGES = /^(?:sv|nb|nn|no|da|fi)\b/i
const DASH_OPENING = /^[–—]\s+/
const SPEAKER_CLAUSE =
  /,\s+(?:säger|sa|sade|berättar|menar|sier|sa|forteller|siger|sagde|fortæller|sanoo|kertoo)\b.*$/iu

const letter = /\p{L}/u
const words = (text: string) => text.match(/\p{L}[\p{L}\p{N}'’-]*/gu)?.length ?? 0
export const normalizeQuote = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The quotes in one paragraph, in order; a quote left open runs to the paragraph's end. */
export function quotesInParagraph(text: string, language = 'en'): string[] {
  const quotes: string[] = []
  const keep = (quote: string) => {
    const clean = normalizeQuote(quote)
    if (words(clean) >= MIN_QUOTE_WORDS) quotes.push(clean)
  }
  if (DASH_LANGUAGES.test(language) && DASH_OPENING.test(text)) {
    keep(text.replace(DASH_OPENING, '').replace(SPEAKER_CLAUSE, ''))
    return quotes
  }
  for (let index = 0; index < text.length; index++) {
    const mark = text[index] ?? ''
    const before = text[index - 1] ?? ' '
    let closers = CLOSING[mark]
    if (mark === SINGLE_OPEN && !letter.test(before)) closers = SINGLE_CLOSE
    if (closers === undefined) continue
    let end = index + 1
    while (end < text.length) {
      const next = text[end] ?? ''
      const closes =
        closers.includes(next) && (next !== SINGLE_CLOSE || !letter.test(text[end + 1] ?? ''))
      if (closes) break
      end++
    }
    keep(text.slice(index + 1, end))
    index = end
  }
  return quotes
}

/** Every quote in the story's headline, standfirst and body paragraphs, each once, in order. */
export function findQuotes(
  story: { headline: string; standfirst: string; paragraphs: readonly string[] },
  language = 'en',
): FoundQuote[] {
  const found = new Map<string, FoundQuote>()
  const take = (field: QuoteField, text: string) => {
    for (const quote of quotesInParagraph(text, language))
      if (!found.has(quote)) found.set(quote, { quote, field })
  }
  take('Headline', story.headline)
  take('Standfirst', story.standfirst)
  for (const paragraph of story.paragraphs) take('Body', paragraph)
  return [...found.values()]
}

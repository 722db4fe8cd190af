import { SOFT_HYPHEN } from '../../../shared/copyfit/line-breaker'

/** The `hyphen` package's patterns for a story's language (TeX's, as page layouts use). */
const PATTERNS: Record<string, string> = {
  en: 'en-us',
  'en-us': 'en-us',
  'en-gb': 'en-gb',
  sv: 'sv',
  de: 'de-1996',
  fr: 'fr',
  nb: 'nb',
  nn: 'nn',
  no: 'nb',
  da: 'da',
  fi: 'fi',
  es: 'es',
  it: 'it',
  nl: 'nl',
  pt: 'pt',
  pl: 'pl',
}

type Hyphenate = (text: string) => string

const loaded = new Map<string, Promise<Hyphenate>>()

/** Words this short are never broken, as page layouts leave them. */
const MIN_WORD_LENGTH = 5

/**
 * Marks every place a word in the text may break, for the language given ("en-GB", "sv"), with a
 * soft hyphen; text in a language with no patterns here is left as it is.
 */
export function hyphenatorFor(language: string): Promise<Hyphenate> {
  const tag = language.toLowerCase()
  const patterns = PATTERNS[tag] ?? PATTERNS[tag.split('-')[0] ?? '']
  if (!patterns) return Promise.resolve((text) => text)
  let hyphenator = loaded.get(patterns)
  if (!hyphenator) {
    hyphenator = import(`hyphen/${patterns}/index.js`).then((module: HyphenModule) => {
      const { hyphenateSync } = 'hyphenateSync' in module ? module : module.default
      return (text: string) =>
        hyphenateSync(text, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD_LENGTH })
    })
    loaded.set(patterns, hyphenator)
  }
  return hyphenator
}

interface HyphenFunctions {
  hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string
}
type HyphenModule = HyphenFunctions | { default: HyphenFunctions }

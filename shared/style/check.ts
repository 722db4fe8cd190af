import type { StyleRule } from './rules'

export interface StyleMatch {
  ruleId: string
  category: StyleRule['category']
  explanation: string
  from: number
  to: number
  text: string
  /** The text to put instead, when the rule has a fix. */
  replacement?: string
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface CompiledRule {
  rule: StyleRule
  expression: RegExp
}

/** Keeps "Toward" → "Towards" and "toward" → "towards". */
function matchCase(found: string, replacement: string): string {
  const first = found.charAt(0)
  return first !== first.toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement
}

/** "$1 $2" with the match's groups, as String.replace would, but for a match found in context. */
function expand(replacement: string, found: RegExpMatchArray): string {
  return replacement.replace(/\$(\d|&)/g, (_, group: string) =>
    group === '&' ? found[0] : (found[Number(group)] ?? ''),
  )
}

export function compileRules(rules: StyleRule[]): CompiledRule[] {
  return rules.map((rule) => {
    if ('words' in rule) {
      const alternatives = rule.words
        .map((word) => escapeRegExp(word).replace(/ /g, '\\s+'))
        .join('|')
      return {
        rule,
        expression: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu'),
      }
    }
    return { rule, expression: new RegExp(rule.pattern, rule.ignoreCase ? 'giu' : 'gu') }
  })
}

/** Every place in `text` where a rule applies, in order. Pure and fast enough to run per paragraph. */
export function checkText(text: string, rules: readonly CompiledRule[]): StyleMatch[] {
  const matches: StyleMatch[] = []
  for (const { rule, expression } of rules) {
    expression.lastIndex = 0
    for (const found of text.matchAll(expression)) {
      if (found[0] === '') continue
      const from = found.index
      const match: StyleMatch = {
        ruleId: rule.id,
        category: rule.category,
        explanation: rule.explanation,
        from,
        to: from + found[0].length,
        text: found[0],
      }
      if (rule.replacement !== undefined) {
        match.replacement =
          'words' in rule ? matchCase(found[0], rule.replacement) : expand(rule.replacement, found)
      }
      matches.push(match)
    }
  }
  return matches.sort((a, b) => a.from - b.from || a.to - b.to)
}

/** The text with one match fixed. */
export function applyMatch(text: string, match: StyleMatch): string {
  if (match.replacement === undefined || text.slice(match.from, match.to) !== match.text)
    return text
  return text.slice(0, match.from) + match.replacement + text.slice(match.to)
}

/** How an ignored match is remembered in an article's `styleIgnores`. */
export const ignoreKey = (match: Pick<StyleMatch, 'ruleId' | 'text'>) =>
  `${match.ruleId}:${match.text}`

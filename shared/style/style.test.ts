import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { plainText } from '../article/words'
import { applyMatch, checkText, compileRules } from './check'
import { RulePackSchema, StyleRuleSchema, STYLE_CATEGORIES } from './rules'

const pack = RulePackSchema.parse(
  JSON.parse(readFileSync(new URL('../../resources/style/copydesk.json', import.meta.url), 'utf8')),
)
const rules = compileRules(pack.rules)
/** Applies fixes one at a time and checks again, as a person clicking through them would. */
const fix = (text: string) => {
  let fixed = text
  for (let round = 0; round < 50; round++) {
    const next = checkText(fixed, rules).find((match) => match.replacement !== undefined)
    if (!next) break
    fixed = applyMatch(fixed, next)
  }
  return fixed
}
const ruleIds = (text: string) => checkText(text, rules).map((match) => match.ruleId)

describe('the Copydesk rule pack', () => {
  it('has at least 40 valid rules with unique ids, covering every category', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(40)
    expect(new Set(pack.rules.map((rule) => rule.id)).size).toBe(pack.rules.length)
    expect(new Set(pack.rules.map((rule) => rule.category))).toEqual(new Set(STYLE_CATEGORIES))
  })

  it.each([
    ['Rates rose 4 per cent on 5th March.', 'Rates rose 4% on 5 March.'],
    ['The ferry left at 6:45 a.m. and 12 noon.', 'The ferry left at 6.45am and midday.'],
    ['They moved toward the the harbour.', 'They moved towards the harbour.'],
    ['It was definately  seperate.', 'It was definitely separate.'],
    ['The mayor slammed the plan - again.', 'The mayor criticised the plan – again.'],
    ['He said "no" and it\'s over.', 'He said “no” and it’s over.'],
    ['Crowds of 10-12 people , mostly.', 'Crowds of 10–12 people, mostly.'],
    ['In order to win, Toward the end.', 'To win, Towards the end.'],
    ["Attendance was 12000 in the 1990's.", 'Attendance was 12,000 in the 1990s.'],
    ['The café café reopened .   ', 'The café reopened.'],
  ])('fixes %s', (before, after) => {
    expect(fix(before)).toBe(after)
  })

  it('flags what has no automatic fix', () => {
    expect(ruleIds('14 people came. Five heroes stayed.')).toEqual([
      'sentence-start-figure',
      'hero',
    ])
  })

  it('finds nothing to fix in the sample article written for this project', () => {
    const sample = JSON.parse(
      readFileSync(new URL('../../resources/sample/article.json', import.meta.url), 'utf8'),
    )
    const text = [sample.headline, sample.standfirst, plainText(sample.body)].join('\n')
    expect(checkText(text, rules).map((match) => `${match.ruleId}: ${match.text}`)).toEqual([])
  })

  it('refuses a rule with a broken pattern', () => {
    const broken = StyleRuleSchema.safeParse({
      id: 'x',
      category: 'Spacing',
      explanation: 'x',
      pattern: '(unclosed',
    })
    expect(broken.success).toBe(false)
  })
})

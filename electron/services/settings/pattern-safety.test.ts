import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RulePackSchema, type RulePack } from '../../../shared/style/rules'
import { unsafePatterns } from './pattern-safety'
import { resourcesDir } from '../platform/app-paths'

const packWith = (...patterns: string[]): RulePack => ({
  name: 'Test desk',
  rules: patterns.map((pattern, index) => ({
    id: `rule-${index}`,
    category: 'Spacing',
    explanation: 'A test rule.',
    pattern,
  })),
})

describe('house-style patterns that could stall the app', () => {
  it('are named with the kind of text that stalls them: nested, overlapping and cubic repetition', async () => {
    const problems = await unsafePatterns(packWith('^(a+)+$', '(a|aa)+b', 'a*a*b', '\\d+ ?%'))
    expect(problems).toEqual([
      expect.stringMatching(
        /^rule rule-0: on text like "a+"…? its check takes time growing exponentially/,
      ),
      expect.stringMatching(/^rule rule-1: .* growing exponentially/),
      expect.stringMatching(/^rule rule-2: .* growing with the cube of its length/),
    ])
  })

  it('lets a quadratic pattern through, as a run of spaces at the end of a paragraph is', async () => {
    expect(await unsafePatterns(packWith('[ \\t]+$', ' +([,.;:!?])'))).toEqual([])
  })

  it('finds none in the packs Copydesk ships', async () => {
    const styleDir = join(resourcesDir(), 'style')
    for (const name of readdirSync(styleDir).filter((file) => file.endsWith('.json'))) {
      const pack = RulePackSchema.parse(JSON.parse(readFileSync(join(styleDir, name), 'utf8')))
      expect(await unsafePatterns(pack), name).toEqual([])
    }
  })
})

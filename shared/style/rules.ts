import { z } from 'zod'

export const STYLE_CATEGORIES = [
  'Numbers and dates',
  'Spelling',
  'Banned and loaded words',
  'Doubled words',
  'Spacing',
  'Quotes',
  'Dashes',
] as const

const RuleBase = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a rule id is lowercase letters, digits and hyphens'),
  category: z.enum(STYLE_CATEGORIES),
  explanation: z.string().min(1).max(500),
  /** What to put instead; for patterns it may use $1, $2... Without one, the rule only warns. */
  replacement: z.string().max(200).optional(),
})

/** Whole words or phrases, matched without regard to case; a fix keeps the first letter's case. */
const WordRule = RuleBase.extend({ words: z.array(z.string().min(1).max(100)).min(1) })

/** A regular expression (JavaScript syntax, always Unicode-aware and global). */
const PatternRule = RuleBase.extend({
  pattern: z
    .string()
    .min(1)
    .max(500)
    .refine((source) => {
      try {
        new RegExp(source, 'gu')
        return true
      } catch {
        return false
      }
    }, 'not a valid regular expression'),
  ignoreCase: z.boolean().optional(),
})

export const StyleRuleSchema = z.union([WordRule, PatternRule])
export type StyleRule = z.infer<typeof StyleRuleSchema>

export const RulePackSchema = z.object({
  name: z.string().min(1).max(200),
  rules: z.array(StyleRuleSchema).min(1),
})
export type RulePack = z.infer<typeof RulePackSchema>

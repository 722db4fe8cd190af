import { z } from 'zod'

/**
 * Hard bounds on what a person types, there only against abuse (a runaway script, a hostile
 * file): far above any real story, so a paste never stops a save. The limits a desk works to
 * (Settings' headline and standfirst limits) only flag text, in the editor and in preflight.
 */
export const MAX_LINE_LENGTH = 100_000
/** For text that runs to paragraphs: a standfirst, a comment. */
export const MAX_PASSAGE_LENGTH = 1_000_000

/** What a bounded text or list carries when it is over its bound, for words naming the field. */
export interface OverBound {
  overBound: { unit: 'characters' | 'entries'; length: number; maximum: number }
}

export function isOverBound(params: unknown): params is OverBound {
  return typeof params === 'object' && params !== null && 'overBound' in params
}

function overBound(unit: OverBound['overBound']['unit'], length: number, maximum: number) {
  return {
    code: 'custom' as const,
    // Read only where the issue is not described by `describeZodError`, which names the field.
    message: `${length} ${unit}; at most ${maximum} are kept`,
    params: { overBound: { unit, length, maximum } } satisfies OverBound,
  }
}

/** Text of any length up to `maximum`, refused beyond it with words naming the field. */
export function boundedText(maximum: number = MAX_LINE_LENGTH) {
  return z.string().superRefine((text, context) => {
    if (text.length > maximum) context.addIssue(overBound('characters', text.length, maximum))
  })
}

/** A list of up to `maximum` entries, refused beyond it with words naming the field. */
export function boundedList<Item extends z.ZodType>(item: Item, maximum: number) {
  return z.array(item).superRefine((list, context) => {
    if (list.length > maximum) context.addIssue(overBound('entries', list.length, maximum))
  })
}

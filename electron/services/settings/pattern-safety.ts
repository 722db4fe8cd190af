import type { RulePack } from '../../../shared/style/rules'

/** How long one pattern may take to judge; one that cannot be judged in this is refused. */
const CHECK_SECONDS = 10

/**
 * Why a pattern could stall whoever runs it, or undefined when it cannot. A house-style rule runs
 * on every paragraph as it is typed, and on every story exported: `^(a+)+$` took 47 s on 32
 * characters. Exponential patterns and those worse than quadratic are refused (recheck counts
 * the search along the text as one degree; finding a run of spaces is quadratic). Runs in
 * recheck's own process or worker thread, never on the caller's; recheck loads only when a pack is
 * judged, as it is a quarter of a second of every start otherwise.
 */
async function whyPatternIsUnsafe(source: string, flags: string): Promise<string | undefined> {
  const { check } = await import('recheck')
  const verdict = await check(source, flags, {
    timeout: CHECK_SECONDS * 1000,
    // The fuzzer's own budgets counted in steps, not milliseconds: on a busy machine a matching
    // cut short by a time budget read as a slow one, and a safe pattern came out "power 4".
    attackTimeout: null,
    incubationTimeout: null,
    seedingTimeout: null,
  })
  if (verdict.status === 'safe') return undefined
  if (verdict.status === 'unknown') {
    return verdict.error.kind === 'timeout'
      ? `it could not be shown safe within ${CHECK_SECONDS} s; make it simpler`
      : `its safety could not be checked (${verdict.error.kind}); make it simpler`
  }
  const { complexity, attack } = verdict
  if (complexity.type === 'polynomial' && complexity.degree <= 2) return undefined
  const growth =
    complexity.type === 'exponential'
      ? 'exponentially'
      : `with the ${complexity.degree === 3 ? 'cube' : `power ${complexity.degree}`} of its length`
  const sample = JSON.stringify(attack.string.slice(0, 24)) + (attack.string.length > 24 ? '…' : '')
  return `on text like ${sample} its check takes time growing ${growth}, which would stall the editor (nested or overlapping repetition, such as (a+)+); rewrite it`
}

/** One line per pattern rule in the pack that could stall the app; empty when all are safe. */
export async function unsafePatterns(pack: RulePack): Promise<string[]> {
  const problems: string[] = []
  for (const rule of pack.rules) {
    if (!('pattern' in rule)) continue
    const why = await whyPatternIsUnsafe(rule.pattern, rule.ignoreCase ? 'giu' : 'gu')
    if (why) problems.push(`rule ${rule.id}: ${why}`)
  }
  return problems
}

/**
 * A text as what differs from a base the receiver already holds: the base's first `keep` and
 * last `keepEnd` code units, with `insert` between them.
 */
export interface TextDelta {
  keep: number
  insert: string
  keepEnd: number
}

/** Length of the longest common prefix, by halving: each step compares natively, in one go. */
function commonPrefix(a: string, b: string, limit: number): number {
  let known = 0
  let high = limit
  while (known < high) {
    const middle = known + Math.ceil((high - known) / 2)
    if (a.slice(known, middle) === b.slice(known, middle)) known = middle
    else high = middle - 1
  }
  return known
}

function commonSuffix(a: string, b: string, limit: number): number {
  let known = 0
  let high = limit
  while (known < high) {
    const middle = known + Math.ceil((high - known) / 2)
    if (
      a.slice(a.length - middle, a.length - known) === b.slice(b.length - middle, b.length - known)
    )
      known = middle
    else high = middle - 1
  }
  return known
}

export function textDelta(base: string, next: string): TextDelta {
  const shorter = Math.min(base.length, next.length)
  const keep = commonPrefix(base, next, shorter)
  const keepEnd = commonSuffix(base, next, shorter - keep)
  return { keep, insert: next.slice(keep, next.length - keepEnd), keepEnd }
}

export function applyTextDelta(base: string, { keep, insert, keepEnd }: TextDelta): string {
  if (keep + keepEnd > base.length) throw new Error('The text delta does not fit its base.')
  return base.slice(0, keep) + insert + base.slice(base.length - keepEnd)
}

/**
 * How deeply arrays and objects nest in a value, counted without recursion so that a hostile
 * value nested a million levels deep cannot overflow the stack while being measured. Stops
 * counting past `limit`: the answer is then `limit + 1`, which is all a caller needs.
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0
  const pending: [unknown, number][] = [[value, 0]]
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number]
    if (item === null || typeof item !== 'object') continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > limit) return limit + 1
    const children = Array.isArray(item) ? item : Object.values(item)
    for (const child of children) pending.push([child, depth + 1])
  }
  return deepest
}

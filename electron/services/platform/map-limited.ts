/**
 * `items.map(work)` with at most `limit` pieces of work running at once, results in order. For
 * work that is heavy in memory as well as time (a decoded photo), where running everything at
 * once could exhaust memory and running one at a time leaves cores idle. The first failure
 * rejects, as Promise.all would; work already started is left to finish.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const runner = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner))
  return results
}

import type { ArticleSummary } from './summary'

/** The library's order: most recently updated first, ties by id so the order is stable. */
export const byUpdated = (a: ArticleSummary, b: ArticleSummary): number =>
  b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)

/**
 * The list with this article as now listed: its old entry taken out and the new one put in its
 * place in the order. Linear, without sorting the whole list again: a save moves one article.
 */
export function withSummary(
  articles: readonly ArticleSummary[],
  summary: ArticleSummary,
): ArticleSummary[] {
  const others = articles.filter((article) => article.id !== summary.id)
  const at = others.findIndex((article) => byUpdated(summary, article) < 0)
  return at === -1 ? [...others, summary] : [...others.slice(0, at), summary, ...others.slice(at)]
}

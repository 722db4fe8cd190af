import { ARTICLE_STATUSES, type ArticleStatus } from './schema'

/** A story moves one step at a time: draft → filed → subbed → ready → published, or back a step. */
export function allowedNextStatuses(current: ArticleStatus): ArticleStatus[] {
  const index = ARTICLE_STATUSES.indexOf(current)
  return ARTICLE_STATUSES.filter((_, other) => Math.abs(other - index) <= 1)
}

export function statusChangeProblem(from: ArticleStatus, to: ArticleStatus): string | undefined {
  if (allowedNextStatuses(from).includes(to)) return undefined
  return `A story moves one step at a time (${ARTICLE_STATUSES.join(' → ')}): it cannot go from ${from} to ${to}.`
}

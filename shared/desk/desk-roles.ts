import type { ArticleStatus } from '../article'
import { statusChangeProblem } from '../article/status-workflow'

export const DESK_ROLES = ['reporter', 'editor', 'producer'] as const
export type DeskRole = (typeof DESK_ROLES)[number]

/** The states a reporter moves a story between; the rest of the way belongs to the desk. */
const REPORTER_STATES: readonly ArticleStatus[] = ['draft', 'filed']

/**
 * Why this person may not move a story from one state to another, or nothing when they may.
 * Anyone on the desk may write; a reporter files a story (or takes it back), and only an
 * editor or a producer moves it on to subbed, ready and published.
 */
export function statusMoveProblem(
  role: DeskRole,
  from: ArticleStatus,
  to: ArticleStatus,
): string | undefined {
  if (from === to) return undefined
  const stepProblem = statusChangeProblem(from, to)
  if (stepProblem) return stepProblem
  if (role === 'reporter' && !(REPORTER_STATES.includes(from) && REPORTER_STATES.includes(to)))
    return `A reporter moves a story between draft and filed; moving it from ${from} to ${to} is for an editor or a producer.`
  return undefined
}

/** Why this person may not send the desk a story already in this state, or nothing. */
export function newStoryStatusProblem(role: DeskRole, status: ArticleStatus): string | undefined {
  if (role === 'reporter' && !REPORTER_STATES.includes(status))
    return `A reporter sends the desk stories in draft or filed; this one is ${status}, which is for an editor or a producer.`
  return undefined
}

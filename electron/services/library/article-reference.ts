import type { LibraryListing } from '../../../shared/library/library-listing'
import { fail, ok, type Result } from '../../../shared/result'

/**
 * The one article a person means, found in the catalog's list by its full id, an id prefix of
 * four characters or more, or its slug. A reference to a damaged article says what is wrong
 * with it; one that matches several asks for more of the id.
 */
export function findArticleId(listing: LibraryListing, reference: string): Result<string> {
  const wanted = reference.trim().toLowerCase()
  const matches = listing.articles.filter(
    (article) =>
      article.id === wanted ||
      article.slug === wanted ||
      (wanted.length >= 4 && article.id.startsWith(wanted)),
  )
  const exact = matches.find((article) => article.id === wanted)
  if (exact) return ok(exact.id)
  if (matches.length === 1 && matches[0]) return ok(matches[0].id)
  if (matches.length > 1)
    return fail(
      'invalid-request',
      `"${reference}" matches ${matches.length} articles; give more of the id.`,
    )
  const damaged = listing.damaged.find((entry) => entry.folder.endsWith(wanted.slice(0, 8)))
  if (damaged && wanted.length >= 8) return fail('damaged', damaged.reason)
  return fail('not-found', `No article matches "${reference}" in ${listing.root}.`)
}

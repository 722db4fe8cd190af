import { setTimeout as delay } from 'node:timers/promises'
import type { LibraryListing } from '../../shared/library/library-listing'
import type { SearchResults } from '../../shared/search/search-query'
import { readEveryArticle } from '../support/read-every-article'
import type { RunningCopydesk } from '../browser/copydesk-host'
import { searchQueries } from '../generate/queries'
import { Random } from '../generate/random'
import { figureOf, type Figure } from '../support/figure'
import { libraryDocuments } from '../support/library-documents'
import { linearSearcher } from '../support/linear-search'
import { timed } from '../support/stats'

/**
 * List and search on a large library, through the host as the library panel asks for them;
 * beside them, a full read of the folder and a linear scan of the same texts. Then how long the
 * rest of the app waits on main while searches run.
 */
export async function measureLibrary(
  host: RunningCopydesk,
  root: string,
  articles: number,
  queries: number,
): Promise<Figure[]> {
  // The first answer waits for the index to be read (or built, on a first run).
  await host.invoke<LibraryListing>('library:list', {})
  const lists: number[] = []
  for (let round = 0; round < 10; round++)
    lists.push((await timed(() => host.invoke<LibraryListing>('library:list', {})))[1])
  const scans = [(await timed(() => readEveryArticle(root)))[1]]

  const scan = linearSearcher(await libraryDocuments(root))
  const searches: number[] = []
  const passages: number[] = []
  const scanned: number[] = []
  const texts = searchQueries(new Random(11), queries)
  for (const text of texts) {
    // As the library panel asks: the results, then passages for the first ten that have one.
    const [results, searched] = await timed(() =>
      host.invoke<SearchResults>('library:search', { text, limit: 200, passages: false }),
    )
    searches.push(searched)
    const wanted = results.hits
      .slice(0, 10)
      .filter(({ fields }) => fields.includes('body') || fields.includes('captions'))
      .map(({ article, terms }) => ({ id: article.id, terms }))
    if (wanted.length)
      passages.push((await timed(() => host.invoke('library:passages', { hits: wanted })))[1])
    scanned.push((await timed(() => scan(text)))[1])
  }
  const alone: number[] = []
  for (let round = 0; round < 30; round++)
    alone.push((await timed(() => host.invoke('settings:get', {})))[1])
  const alongside = await requestsWhileSearching(host, texts)
  const size = `${articles.toLocaleString('en')} articles`
  return [
    figureOf('Library', `list, ${size}`, lists, { name: 'read + parse every file', taken: scans }),
    figureOf('Library', `search, ${size}`, searches, {
      name: 'linear scan in memory',
      taken: scanned,
    }),
    figureOf('Library', `a settings request while searches run, ${size}`, alongside, {
      name: 'the same request alone',
      taken: alone,
    }),
    // A tiny library may give no result with a passage.
    ...(passages.length
      ? [figureOf('Library', `passages for the first ten results, ${size}`, passages)]
      : []),
  ]
}

/**
 * A request main answers itself (the settings), sent every 20–40 ms while the queries are
 * searched again back to back: what a save or a window waits while someone searches.
 */
async function requestsWhileSearching(host: RunningCopydesk, texts: string[]): Promise<number[]> {
  let searching = true
  const searches = (async () => {
    for (const text of texts)
      await host.invoke('library:search', { text, limit: 200, passages: false })
    searching = false
  })()
  const gaps = new Random(13)
  const taken: number[] = []
  do {
    taken.push((await timed(() => host.invoke('settings:get', {})))[1])
    await delay(gaps.int(20, 40))
  } while (searching)
  await searches
  return taken
}

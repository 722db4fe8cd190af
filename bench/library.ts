/**
 * The library at newsroom scale: list, search, index build and incremental update on a
 * generated library, each beside a baseline measured in the same run — a linear scan over the
 * same articles, which is what a library without an index does.
 *
 *   npm run bench:library -- --articles 10000 [--library DIR]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fieldsOf, type ArticleFields } from '../shared/article'
import { SearchQuerySchema } from '../shared/search/search-query'
import { LibraryCatalog } from '../electron/services/search/library-catalog'
import { LibraryStore } from '../electron/services/library/library-store'
import { generateLibrary } from './generate/library'
import { searchQueries } from './generate/queries'
import { Random } from './generate/random'
import { numberArgument, stringArgument } from './support/args'
import { libraryDocuments } from './support/library-documents'
import { linearSearcher } from './support/linear-search'
import { readEveryArticle } from './support/read-every-article'
import { median, ms, percentile, ratio, table, timed } from './support/stats'

interface Figure {
  name: string
  p50: number
  p95: number
  baselineP50: number
  baselineP95: number
  baseline: string
}

async function samples(count: number, work: () => Promise<unknown>): Promise<number[]> {
  const taken: number[] = []
  for (let round = 0; round < count; round++) taken.push((await timed(work))[1])
  return taken
}

const figure = (name: string, taken: number[], baseline: string, against: number[]): Figure => ({
  name,
  p50: median(taken),
  p95: percentile(taken, 95),
  baselineP50: median(against),
  baselineP95: percentile(against, 95),
  baseline,
})

async function main() {
  const articles = numberArgument(process.argv, 'articles', 10_000)
  const root =
    stringArgument(process.argv, 'library') ?? join(tmpdir(), `copydesk-bench-library-${articles}`)
  console.log(`Generating (or reusing) ${articles.toLocaleString('en')} articles in ${root} …`)
  const [library, generation] = await timed(() => generateLibrary(root, articles))
  console.log(
    library.reused ? 'Reused the library from an earlier run.' : `Written in ${ms(generation)}.`,
  )

  const store = new LibraryStore(root)
  const indexDir = await mkdtemp(join(tmpdir(), 'copydesk-bench-index-'))
  const figures: Figure[] = []
  try {
    // Index build: from nothing, against reading and parsing every article (a list without an index).
    const scans = await samples(3, () => readEveryArticle(root))
    let catalog = new LibraryCatalog(root, indexDir)
    const [, build] = await timed(() => catalog.ready())
    await catalog.flush()
    figures.push(figure('index build (first start)', [build], 'read + parse every article', scans))

    // Restart with the kept index: stat every file, read none.
    const restarts = await samples(3, async () => {
      catalog = new LibraryCatalog(root, indexDir)
      await catalog.ready()
    })
    figures.push(figure('start with kept index', restarts, 'read + parse every article', scans))

    // List, warm.
    const lists = await samples(30, () => catalog.list())
    figures.push(figure('list', lists, 'read + parse every article', scans))

    // Search: what people type in the box, against a scan of the same articles in memory.
    // Once as whole queries (the CLI), once letter by letter as the search box asks.
    const linearSearch = linearSearcher(await libraryDocuments(root))
    const queries = searchQueries(new Random(11), 300)
    const searchAll = async (texts: string[]) => {
      const indexed: number[] = []
      const scanned: number[] = []
      for (const text of texts) {
        const query = SearchQuerySchema.parse({ text, limit: 50 })
        indexed.push((await timed(() => catalog.search(query)))[1])
        scanned.push((await timed(() => linearSearch(text)))[1])
      }
      return [indexed, scanned] as const
    }
    const [whole, wholeScanned] = await searchAll(queries)
    figures.push(figure('search, whole query', whole, 'substring scan, in memory', wholeScanned))
    const keystrokes = queries
      .slice(0, 60)
      .flatMap((text) =>
        Array.from({ length: text.length - 1 }, (_, end) => text.slice(0, end + 2)),
      )
    const [typed, typedScanned] = await searchAll(keystrokes)
    figures.push(figure('search, as typed', typed, 'substring scan, in memory', typedScanned))

    // Incremental update: one article saved, until list and search include it.
    const listed = await catalog.list()
    const ids = listed.ok ? listed.value.articles.slice(0, 20).map((article) => article.id) : []
    const updates: number[] = []
    const rescans: number[] = []
    for (const [round, id] of ids.entries()) {
      const opened = await store.open(id)
      if (!opened.ok) throw new Error(opened.error.message)
      const fields: ArticleFields = {
        ...fieldsOf(opened.value),
        headline: `${opened.value.headline} (update ${round})`,
      }
      const saved = await store.save(id, opened.value.revision, fields)
      if (!saved.ok) throw new Error(saved.error.message)
      updates.push((await timed(() => catalog.articleChanged(id)))[1])
      if (round < 2) rescans.push((await timed(() => readEveryArticle(root)))[1])
    }
    figures.push(figure('incremental update (per save)', updates, 'list by a full rescan', rescans))
  } finally {
    await rm(indexDir, { recursive: true, force: true })
  }

  const rows = figures.map((each) => [
    each.name,
    ms(each.p50),
    ms(each.p95),
    `${ms(each.baselineP50)} / ${ms(each.baselineP95)}`,
    ratio(each.p50, each.baselineP50),
    each.baseline,
  ])
  console.log(
    `\nLibrary of ${articles.toLocaleString('en')} articles (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB)\n`,
  )
  console.log(
    table(['figure', 'p50', 'p95', 'baseline p50 / p95', 'ratio (p50)', 'baseline'], rows),
  )
  const out = join(__dirname, 'results', `library-${articles}.json`)
  await writeFile(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), articles, cores: cpus().length, figures }, null, 2)}\n`,
  ).catch(() => undefined)
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

/**
 * Which search engine Copydesk uses, decided by measurement: MiniSearch, FlexSearch and Orama
 * index the same generated library and answer the same queries, as the search box would send
 * them (prefix matching, a typo allowed where the engine can).
 *
 *   npm run bench:search-engines -- --articles 10000
 */
import { create, insertMultiple, load, remove, insert, save, search } from '@orama/orama'
import FlexSearch from 'flexsearch'
import MiniSearch from 'minisearch'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SEARCHED_FIELDS, type SearchDocument } from '../shared/search/search-document'
import { generateLibrary } from './generate/library'
import { searchQueries } from './generate/queries'
import { Random } from './generate/random'
import { numberArgument } from './support/args'
import { libraryDocuments } from './support/library-documents'
import { median, megabytes, ms, percentile, table, timed } from './support/stats'

const RESULTS = 20

interface Engine {
  name: string
  /** What the engine can do of what the search box needs, in words. */
  notes: string
  build(documents: SearchDocument[]): void | Promise<void>
  search(query: string): string[] | Promise<string[]>
  replace(document: SearchDocument): void | Promise<void>
  serialize(): Promise<string>
  restore(serialized: string): Promise<void>
}

const indexed = (document: SearchDocument) => {
  const { bylineNames: _names, ...rest } = document
  return rest
}

function miniSearch(): Engine {
  const options = {
    fields: [...SEARCHED_FIELDS],
    storeFields: ['status', 'section', 'updatedAt'],
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' as const },
  }
  let index = new MiniSearch<SearchDocument>(options)
  return {
    name: 'MiniSearch 7.2',
    notes: 'prefix + fuzzy (edit distance), field boosts, filters, match terms per field',
    build: (documents) => index.addAll(documents),
    search: (query) =>
      index
        .search(query)
        .slice(0, RESULTS)
        .map((result) => String(result.id)),
    replace: (document) => index.replace(document),
    serialize: async () => JSON.stringify(index),
    restore: async (serialized) => {
      index = MiniSearch.loadJSON(serialized, options)
    },
  }
}

function flexSearch(): Engine {
  const make = () =>
    new FlexSearch.Document({
      document: {
        id: 'id',
        index: [...SEARCHED_FIELDS],
        store: ['status', 'section', 'updatedAt'],
      },
      tokenize: 'forward',
    })
  let index = make()
  const search = (query: string) => {
    const seen = new Set<string>()
    for (const field of index.search(query, { limit: RESULTS, suggest: true }))
      for (const id of field.result) seen.add(String(id))
    return [...seen].slice(0, RESULTS)
  }
  return {
    name: 'FlexSearch 0.8',
    notes:
      'prefix (forward tokenizer); no edit-distance typos; results per field, unranked across fields',
    build: (documents) => {
      for (const document of documents) index.add(indexed(document))
    },
    search,
    replace: (document) => {
      index.update(indexed(document))
    },
    serialize: async () => {
      const parts: Record<string, string> = {}
      await index.export((key, data) => {
        parts[key] = data
      })
      return JSON.stringify(parts)
    },
    restore: async (serialized) => {
      index = make()
      for (const [key, data] of Object.entries(JSON.parse(serialized) as Record<string, string>))
        index.import(key, data)
    },
  }
}

function orama(): Engine {
  const schema = {
    id: 'string',
    headline: 'string',
    standfirst: 'string',
    byline: 'string',
    keywords: 'string',
    captions: 'string',
    body: 'string',
    sources: 'string',
    status: 'enum',
    section: 'string',
    updatedAt: 'string',
  } as const
  let db = create({ schema })
  return {
    name: 'Orama 3.1',
    notes: 'prefix + typo tolerance, filters, facets; stores whole documents',
    build: async (documents) => {
      await insertMultiple(db, documents.map(indexed))
    },
    search: async (query) => {
      const found = await search(db, {
        term: query,
        properties: [...SEARCHED_FIELDS],
        tolerance: 1,
        limit: RESULTS,
      })
      return found.hits.map((hit) => hit.id)
    },
    replace: async (document) => {
      await remove(db, document.id)
      await insert(db, indexed(document))
    },
    serialize: async () => JSON.stringify(save(db)),
    restore: async (serialized) => {
      db = create({ schema })
      load(db, JSON.parse(serialized) as ReturnType<typeof save>)
    },
  }
}

function heapUsed(): number {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

async function measure(engine: Engine, documents: SearchDocument[], queries: string[]) {
  const heapBefore = heapUsed()
  const [, build] = await timed(() => engine.build(documents))
  const heap = heapUsed() - heapBefore
  const latencies: number[] = []
  let hits = 0
  for (const query of queries) {
    const [ids, took] = await timed(() => engine.search(query))
    latencies.push(took)
    if (ids.length > 0) hits++
  }
  const updates: number[] = []
  for (const document of documents.slice(0, 100)) {
    const changed = { ...document, body: `${document.body}\nA late correction was added.` }
    updates.push((await timed(() => engine.replace(changed)))[1])
  }
  const [serialized, serialize] = await timed(() => engine.serialize())
  const [, restore] = await timed(() => engine.restore(serialized))
  return {
    engine: engine.name,
    notes: engine.notes,
    build,
    p50: median(latencies),
    p95: percentile(latencies, 95),
    answered: hits / queries.length,
    update: median(updates),
    size: Buffer.byteLength(serialized),
    serialize,
    restore,
    heap,
  }
}

async function main() {
  const articles = numberArgument(process.argv, 'articles', 10_000)
  const library = await generateLibrary(
    join(tmpdir(), `copydesk-bench-library-${articles}`),
    articles,
  )
  const documents = await libraryDocuments(library.root)
  const queries = searchQueries(new Random(7), 300)
  const rows = []
  for (const engine of [miniSearch, flexSearch, orama])
    rows.push(await measure(engine(), documents, queries))
  console.log(
    `Search engines over ${documents.length} generated articles, ${queries.length} queries\n`,
  )
  console.log(
    table(
      [
        'engine',
        'build',
        'query p50',
        'query p95',
        'answered',
        'update',
        'on disk',
        'save',
        'load',
        'heap',
      ],
      rows.map((row) => [
        row.engine,
        ms(row.build),
        ms(row.p50),
        ms(row.p95),
        `${Math.round(row.answered * 100)}%`,
        ms(row.update),
        megabytes(row.size),
        ms(row.serialize),
        ms(row.restore),
        megabytes(row.heap),
      ]),
    ),
  )
  console.log('')
  for (const row of rows) console.log(`${row.engine}: ${row.notes}`)
}

void main()

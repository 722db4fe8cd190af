import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { ArticleSummary } from '../../../../shared/article'
import type { LibraryListing } from '../../../../shared/library/library-listing'
import type { Result } from '../../../../shared/result'
import type {
  ParsedSearchQuery,
  Passages,
  SearchResults,
} from '../../../../shared/search/search-query'
import type { Catalog, CatalogProgress } from '../catalog'
import { startWorkerThread } from '../../platform/worker-thread'
import type {
  CatalogAnswer,
  CatalogCall,
  CatalogRequest,
  CatalogWorkerData,
} from './catalog-worker-protocol'

/**
 * A search builds a result for every article it matches (most of a 10,000-article library for
 * a common word) and drops all but the first page: short-lived garbage that V8's default young
 * generation promotes and collects again. With room for it, search p95 went from 23–29 ms to
 * 18–23 ms on the benchmark's 10,000 articles (300 queries, two cores).
 */
const YOUNG_GENERATION_MB = 96

interface Waiting {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

/**
 * The library catalog in a worker thread of its own (see `catalog-worker.ts`). Should the thread
 * stop, the calls waiting on it fail with the reason and the next call starts a new one, which
 * reads the kept index and the folder again: the catalog is a cache of the library.
 */
export class WorkerCatalog implements Catalog {
  private worker: Worker | undefined
  private readonly waiting = new Map<number, Waiting>()
  private nextId = 1
  private closed = false
  /**
   * The list as the thread last gave it, until something changes: 10,000 summaries take 50–60 ms
   * to copy between threads, and the list is asked for again with nothing changed (a second
   * window, a page reloaded).
   */
  private listed: Promise<Result<LibraryListing>> | undefined

  constructor(private readonly data: CatalogWorkerData) {
    // Started at once: the kept index is read while the window opens.
    this.worker = this.start()
  }

  ready(): Promise<CatalogProgress> {
    return this.call('ready')
  }

  list(): Promise<Result<LibraryListing>> {
    // A change asked for before this call is in the list: the thread answers after it.
    if (this.listed) return this.listed
    const listed = this.call('list')
    this.listed = listed
    void listed.catch(() => {
      if (this.listed === listed) this.listed = undefined
    })
    return listed
  }

  search(query: ParsedSearchQuery): Promise<SearchResults> {
    return this.call('search', query)
  }

  passages(hits: readonly { id: string; terms: string[] }[]): Promise<Passages> {
    return this.call('passages', hits)
  }

  articleChanged(id: string): Promise<ArticleSummary | undefined> {
    this.listed = undefined
    return this.call('articleChanged', id)
  }

  folderChanged(): Promise<void> {
    this.listed = undefined
    return this.call('folderChanged')
  }

  flush(): Promise<void> {
    return this.call('flush')
  }

  idle(): Promise<void> {
    return this.call('idle')
  }

  async close(): Promise<void> {
    this.closed = true
    await this.worker?.terminate()
  }

  private start(): Worker {
    const worker = startWorkerThread(
      { name: 'catalog-worker', source: join(__dirname, 'catalog-worker.ts') },
      { workerData: this.data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } },
    )
    worker.on('message', (answer: CatalogAnswer) => {
      const waiting = this.waiting.get(answer.id)
      this.waiting.delete(answer.id)
      if (this.waiting.size === 0) worker.unref()
      if (answer.ok) waiting?.resolve(answer.value)
      else waiting?.reject(new Error(answer.problem))
    })
    worker.on('error', (error) => this.failAll(`the library index stopped (${error.message})`))
    // A thread with nothing asked of it must not keep the CLI or a test run from ending. After
    // the listeners: Node refs a worker again when its first 'message' listener is added.
    worker.unref()
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined
      // A new thread reads the folder again: it may list more than this one did.
      this.listed = undefined
      this.failAll(
        `the library index stopped (exit code ${code}); it is read again at the next try`,
      )
    })
    return worker
  }

  private call<Call extends CatalogCall>(
    call: Call,
    ...args: Parameters<Catalog[Call]>
  ): Promise<Awaited<ReturnType<Catalog[Call]>>> {
    if (this.closed) return Promise.reject(new Error('the library index was closed'))
    const worker = (this.worker ??= this.start())
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.ref()
      worker.postMessage({ id, call, args } satisfies CatalogRequest<Call>)
    })
  }

  private failAll(problem: string): void {
    for (const waiting of this.waiting.values()) waiting.reject(new Error(problem))
    this.waiting.clear()
  }
}

/**
 * The catalog's thread: the library's list and search index live here, so reading the kept
 * index, catching up with the folder and answering searches never hold up main (which also
 * carries saves, crash journals and, in Electron, the windows). Answers each call by its id.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { LibraryCatalog } from '../library-catalog'
import type { CatalogAnswer, CatalogRequest, CatalogWorkerData } from './catalog-worker-protocol'

const { root, indexDir } = workerData as CatalogWorkerData
const catalog = new LibraryCatalog(root, indexDir)

parentPort?.on('message', (request: CatalogRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply))
})

async function answer({ id, call, args }: CatalogRequest): Promise<CatalogAnswer> {
  try {
    const method = catalog[call] as (...args: unknown[]) => Promise<unknown>
    return { id, ok: true, value: await method.apply(catalog, args) }
  } catch (error) {
    return { id, ok: false, problem: error instanceof Error ? error.message : String(error) }
  }
}

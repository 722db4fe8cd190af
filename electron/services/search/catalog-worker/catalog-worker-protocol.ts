import type { Catalog } from '../catalog'

/** What the catalog's thread is started with. */
export interface CatalogWorkerData {
  root: string
  indexDir: string
}

/** The catalog's calls that cross to its thread; `close` stops the thread instead. */
export type CatalogCall = Exclude<keyof Catalog, 'close'>

export interface CatalogRequest<Call extends CatalogCall = CatalogCall> {
  id: number
  call: Call
  args: Parameters<Catalog[Call]>
}

export type CatalogAnswer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; problem: string }

import type { PackedRequest } from './body-delta'

/** What the page posts to the request worker, and what comes back, matched by `id`. */
export interface WorkerRequest extends PackedRequest {
  id: number
  channel: string
  token: string
}

export interface WorkerAnswer {
  id: number
  answer: unknown
}

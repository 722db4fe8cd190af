import type { PackedRequest } from './body-delta'
import type { HostCredentials } from './http-request'

/** What the page posts to the request worker, and what comes back, matched by `id`. */
export interface WorkerRequest extends PackedRequest {
  id: number
  channel: string
  credentials: HostCredentials
}

export interface WorkerAnswer {
  id: number
  answer: unknown
}

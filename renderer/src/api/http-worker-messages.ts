/** What the page posts to the request worker, and what comes back, matched by `id`. */
export interface WorkerRequest {
  id: number
  channel: string
  request: unknown
  token: string
}

export interface WorkerAnswer {
  id: number
  answer: unknown
}

/// <reference lib="webworker" />
import { fail } from '../../../shared/ipc/result'
import { sendRequest } from './http-request'
import type { WorkerAnswer, WorkerRequest } from './http-worker-messages'

/**
 * Sends the page's requests to the browser host. Encoding a request and handing a large body to
 * fetch takes the thread that does it several milliseconds for a long story (Chromium copies the
 * body before the call returns); here that thread is not the one the person types on.
 */
self.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  let answer: unknown
  try {
    answer = await sendRequest(data.channel, data.request, data.token)
  } catch (error) {
    // A request that cannot even be encoded is answered, never left waiting.
    answer = fail('invalid-request', `The request could not be sent: ${String(error)}.`)
  }
  const reply: WorkerAnswer = { id: data.id, answer }
  self.postMessage(reply)
}

/// <reference lib="webworker" />
import { fail } from '../../../shared/result'
import { bodyReceiver } from './body-delta'
import { sendRequest, type HostCredentials } from './http-request'
import type { WorkerAnswer, WorkerRequest } from './http-worker-messages'

const bodies = bodyReceiver()

/**
 * Sends the page's requests to the browser host. Encoding a request and handing a large body to
 * fetch takes the thread that does it several milliseconds for a long story (Chromium copies the
 * body before the call returns); here that thread is not the one the person types on.
 */
self.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  // Rebuilt at once, in the order posted. A body that cannot be rebuilt (the page and this worker
  // disagree on the last one) throws here, uncaught: the page hears of it, answers what waits
  // with a failure it retries, and starts a new worker, to which it sends whole bodies again.
  const request = bodies.unpack(data)
  void send(data.id, data.channel, request, data.credentials)
}

async function send(id: number, channel: string, request: unknown, credentials: HostCredentials) {
  let answer: unknown
  try {
    answer = await sendRequest(channel, request, credentials)
  } catch (error) {
    // A request that cannot even be encoded is answered, never left waiting.
    answer = fail('invalid-request', `The request could not be sent: ${String(error)}.`)
  }
  const reply: WorkerAnswer = { id, answer }
  self.postMessage(reply)
}

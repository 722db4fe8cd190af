/**
 * The import worker's entry: parses untrusted files and pictures' metadata away from the main
 * process, so that a file built to exhaust memory, recurse without end or stall a parser costs
 * this worker (which is then stopped) and never the app. Answers each request by its id.
 */
import { parentPort } from 'node:worker_threads'
import { readEmbeddedCaption } from '../library/image-metadata'
import { htmlToBody } from './html-to-body'
import { fileProblem, parseFile } from './parse-file'
import type { WorkerAnswer, WorkerReady, WorkerRequest } from './import-worker-protocol'

parentPort?.on('message', (request: WorkerRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply))
})
// The reader's time limits count from here: starting a thread (and, under tests, compiling its
// source) can take seconds on a busy machine, and is no part of reading a file.
const ready: WorkerReady = { ready: true }
parentPort?.postMessage(ready)

async function answer(request: WorkerRequest): Promise<WorkerAnswer> {
  try {
    const { job } = request
    const value =
      job.kind === 'parse'
        ? await parseFile(job.format, job.bytes)
        : job.kind === 'caption'
          ? await readEmbeddedCaption(job.bytes)
          : htmlToBody(job.html, job.options)
    return { id: request.id, ok: true, value }
  } catch (error) {
    return { id: request.id, ok: false, problem: fileProblem(error) }
  }
}

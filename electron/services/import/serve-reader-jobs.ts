import { parentPort } from 'node:worker_threads'
import type {
  WorkerAnswer,
  WorkerJob,
  WorkerReady,
  WorkerRequest,
  WorkerValue,
} from './import-worker-protocol'

/**
 * Answers the jobs a reader thread is sent, each by its id, and says when it listens. `read`
 * throws for a file it cannot read; `problemOf` words why, for the person who chose it.
 */
export function serveReaderJobs(
  read: (job: WorkerJob) => Promise<WorkerValue>,
  problemOf: (error: unknown) => string,
): void {
  parentPort?.on('message', ({ id, job }: WorkerRequest) => {
    void read(job)
      .then(
        (value): WorkerAnswer => ({ id, ok: true, value }),
        (error: unknown): WorkerAnswer => ({ id, ok: false, problem: problemOf(error) }),
      )
      .then((answer) => parentPort?.postMessage(answer))
  })
  // The reader's time limits count from here: starting a thread (and, under tests, compiling its
  // source) can take seconds on a busy machine, and is no part of reading a file.
  const ready: WorkerReady = { ready: true }
  parentPort?.postMessage(ready)
}

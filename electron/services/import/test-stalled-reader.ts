/**
 * Test support: a reader thread that loads, says it is ready, and then never answers, the way a
 * file built to stall a parser leaves the real one. Only the reader's time limit can end it, so a
 * test of that limit no longer depends on how fast a parser is on the machine.
 */
import { parentPort } from 'node:worker_threads'
import type { WorkerReady } from './import-worker-protocol'

parentPort?.on('message', () => {
  // Blocks the thread for good without spinning a core, as a parser caught in a loop would hold it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
})
const ready: WorkerReady = { ready: true }
parentPort?.postMessage(ready)

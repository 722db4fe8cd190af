import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { TiptapNode } from '../../../shared/article'
import type { ParsedStory } from '../../../shared/import/parsed-story'
import type { EmbeddedCaption } from '../library/image-metadata'
import { startWorkerThread } from '../platform/worker-thread'
import type { ParseableFormat } from '../../../shared/import/import-formats'
import type { BodyOptions } from './html-to-body'
import type { WorkerAnswer, WorkerJob, WorkerReady } from './import-worker-protocol'

/** What one step of an import may cost before its reader is stopped. */
export interface ImportLimits {
  seconds: number
  memoryMegabytes: number
}
export const IMPORT_WORKER_LIMITS: ImportLimits = { seconds: 30, memoryMegabytes: 1_536 }

/** The script the reader thread runs: the real reader, or in tests one that stalls. */
export type ReaderScript = Parameters<typeof startWorkerThread>[0]
export const IMPORT_READER_SCRIPT: ReaderScript = {
  name: 'import-worker',
  source: join(__dirname, 'import-worker.ts'),
}

/** The file could not be read; the message says why, for the person who chose it. */
export class ImportReadError extends Error {}

interface Waiting {
  resolve: (value: unknown) => void
  reject: (error: ImportReadError) => void
}

/**
 * The import reader in its own thread: untrusted bytes are parsed there, under a memory limit
 * and a time limit, so a hostile file stops that thread and never the app. Once stopped (by a
 * limit, a crash or `stop`) it answers nothing more: `alive` tells the owner to start another.
 */
export class ImportWorker {
  private readonly worker: Worker
  private readonly waiting = new Map<number, Waiting>()
  private nextId = 1
  private stopped = false
  private markReady: () => void = () => undefined
  /** Settles once the reader has loaded; a job's time limit starts then, not at its posting. */
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve))

  constructor(
    private readonly limits: ImportLimits = IMPORT_WORKER_LIMITS,
    script: ReaderScript = IMPORT_READER_SCRIPT,
  ) {
    this.worker = startWorkerThread(script, {
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMegabytes },
    })
    this.worker.on('message', (answer: WorkerAnswer | WorkerReady) => {
      if ('ready' in answer) return this.markReady()
      const waiting = this.waiting.get(answer.id)
      this.waiting.delete(answer.id)
      if (answer.ok) waiting?.resolve(answer.value)
      else waiting?.reject(new ImportReadError(answer.problem))
    })
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.failAll(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `it needs more than ${limits.memoryMegabytes.toLocaleString('en')} MB of memory to read, far more than any story`
          : `its reader failed (${error.message})`,
      ),
    )
    this.worker.on('exit', (code) => {
      this.stopped = true
      this.failAll(`its reader stopped (exit code ${code})`)
    })
    // An idle reader must not keep the CLI or a test run from ending; a job waiting on it refs
    // it again. After the 'message' listener, not before: Node refs a worker's port again when
    // its first 'message' listener is added.
    this.worker.unref()
  }

  parse(format: ParseableFormat, bytes: Uint8Array): Promise<ParsedStory> {
    return this.run({ kind: 'parse', format, bytes }) as Promise<ParsedStory>
  }

  /** A picture's embedded caption and credit. */
  caption(bytes: Uint8Array): Promise<EmbeddedCaption> {
    return this.run({ kind: 'caption', bytes }) as Promise<EmbeddedCaption>
  }

  /** Article HTML as the editor's schema reads it (JSON for the body). */
  body(html: string, options: BodyOptions = {}): Promise<TiptapNode> {
    return this.run({ kind: 'body', html, options }) as Promise<TiptapNode>
  }

  get alive(): boolean {
    return !this.stopped
  }

  async stop(): Promise<void> {
    this.stopped = true
    await this.worker.terminate()
  }

  private run(job: WorkerJob): Promise<unknown> {
    if (this.stopped) return Promise.reject(new ImportReadError('its reader was stopped'))
    const id = this.nextId++
    // Held while a job waits (an idle reader is unref'd): the CLI must not end mid-import.
    this.worker.ref()
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      void this.ready.then(() => {
        if (!this.waiting.has(id)) return
        timer = setTimeout(() => {
          this.failAll(
            `reading it took more than ${this.limits.seconds} s, so it was stopped (a file built to stall readers?)`,
          )
          void this.stop()
        }, this.limits.seconds * 1000)
      })
      const settle = () => {
        clearTimeout(timer)
        if (this.waiting.size === 0 && !this.stopped) this.worker.unref()
      }
      this.waiting.set(id, {
        resolve: (value) => (this.waiting.delete(id), settle(), resolve(value)),
        reject: (error) => (this.waiting.delete(id), settle(), reject(error)),
      })
      this.worker.postMessage({ id, job })
    })
  }

  private failAll(problem: string): void {
    for (const waiting of this.waiting.values()) waiting.reject(new ImportReadError(problem))
    this.waiting.clear()
  }
}

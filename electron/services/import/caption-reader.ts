import { join } from 'node:path'
import { NO_EMBEDDED_CAPTION, type EmbeddedCaption } from '../library/image-metadata'
import {
  ImportReadError,
  ImportWorker,
  type ImportLimits,
  type ReaderScript,
} from './import-worker-client'

/**
 * Far more than a real photo's metadata takes to read (milliseconds): a picture that takes
 * longer was built to stall the reader, and goes in without a caption.
 */
export const CAPTION_READ_LIMITS: ImportLimits = { seconds: 5, memoryMegabytes: 256 }

export const CAPTION_READER_SCRIPT: ReaderScript = {
  name: 'caption-worker',
  source: join(__dirname, 'caption-worker.ts'),
}

/**
 * Reads inserted pictures' embedded captions in a worker thread of its own, under its own
 * limits: crafted metadata stalls or exhausts that thread, never main (which carries every
 * save), and stopping it cannot fail an import running in the import reader.
 */
export class CaptionReader {
  private worker: ImportWorker | undefined

  constructor(
    private readonly startReader: () => ImportWorker = () =>
      new ImportWorker(CAPTION_READ_LIMITS, CAPTION_READER_SCRIPT),
  ) {}

  /** Metadata that cannot be read in the limits means no caption, never a refused picture. */
  async read(bytes: Uint8Array): Promise<EmbeddedCaption> {
    if (!this.worker?.alive) this.worker = this.startReader()
    try {
      return await this.worker.caption(bytes)
    } catch (error) {
      if (error instanceof ImportReadError) return NO_EMBEDDED_CAPTION
      throw error
    }
  }

  async close(): Promise<void> {
    await this.worker?.stop()
    this.worker = undefined
  }
}

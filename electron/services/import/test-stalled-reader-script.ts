import { join } from 'node:path'
import type { ReaderScript } from './import-worker-client'

/** A reader thread that never answers (`test-stalled-reader.ts`), for tests of the time limit. */
export const STALLED_READER_SCRIPT: ReaderScript = {
  name: 'test-stalled-reader',
  source: join(__dirname, 'test-stalled-reader.ts'),
}

/**
 * The caption reader's entry: reads an inserted picture's embedded metadata away from the main
 * process. Only the metadata reader is loaded, not the import's parsers: one starts at the first
 * picture put in a story, and loading Word's, HTML's and the rest made that picture wait.
 */
import { readEmbeddedCaption } from '../library/image-metadata'
import { serveReaderJobs } from './serve-reader-jobs'

serveReaderJobs(
  async (job) => {
    if (job.kind !== 'caption') throw new Error('the caption reader reads pictures only')
    return readEmbeddedCaption(job.bytes)
  },
  (error) =>
    `its metadata could not be read (${error instanceof Error ? error.message : String(error)})`,
)

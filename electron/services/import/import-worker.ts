/**
 * The import worker's entry: parses untrusted files away from the main process, so that a file
 * built to exhaust memory, recurse without end or stall a parser costs this worker (which is then
 * stopped) and never the app.
 */
import { htmlToBody } from './html-to-body'
import { fileProblem, parseFile } from './parse-file'
import { serveReaderJobs } from './serve-reader-jobs'

serveReaderJobs(async (job) => {
  if (job.kind === 'parse') return parseFile(job.format, job.bytes)
  if (job.kind === 'body') return htmlToBody(job.html, job.options)
  throw new Error('the import reader reads files, not pictures’ captions')
}, fileProblem)

import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { appRoot } from './app-paths'

/**
 * Starts one of main's worker threads: the script electron-vite built (`out/main/<name>.js`), or,
 * under the test runner, where the sources run as TypeScript, its source compiled by tsx.
 */
export function startWorkerThread(
  entry: { name: string; source: string },
  options: WorkerOptions = {},
): Worker {
  if (__filename.endsWith('.ts')) {
    const load = createRequire(__filename)
    return new Worker(
      `require(${JSON.stringify(load.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(entry.source)})`,
      { ...options, eval: true },
    )
  }
  return new Worker(join(appRoot(), 'out', 'main', `${entry.name}.js`), options)
}

import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

let root: string | undefined

/**
 * The folder holding Copydesk's package.json: the repository, or the packaged app. Found by
 * walking up from this file, because the bundler may place this code in out/main or in
 * out/main/chunks, and the sources run from electron/services under the test runner.
 */
export function appRoot(): string {
  if (root) return root
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'copydesk'
    ) {
      return (root = dir)
    }
  }
  throw new Error(`Copydesk's package.json was not found above ${__dirname}`)
}

export const resourcesDir = (): string => join(appRoot(), 'resources')
export const builtRendererDir = (): string => join(appRoot(), 'out', 'renderer')

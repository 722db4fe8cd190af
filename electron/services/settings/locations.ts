import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const LIBRARY_ENV = 'COPYDESK_LIBRARY'
export const CONFIG_DIR_ENV = 'COPYDESK_CONFIG_DIR'

export interface LibraryPathSources {
  /** `--library DIR` on the command line: wins over everything. */
  flag?: string | undefined
  env?: NodeJS.ProcessEnv
  /** The library path saved in settings. */
  setting?: string | undefined
  /** The user's Documents folder (Electron knows it best; elsewhere ~/Documents). */
  documentsDir?: string
}

/** `--library`, then COPYDESK_LIBRARY, then the setting, then Documents/Copydesk. */
export function resolveLibraryPath(sources: LibraryPathSources): string {
  const env = sources.env ?? process.env
  const chosen = sources.flag || env[LIBRARY_ENV] || sources.setting
  return resolve(chosen || join(sources.documentsDir ?? join(homedir(), 'Documents'), 'Copydesk'))
}

/** Where the browser host and the CLI keep settings (Electron keeps its own in userData). */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env[CONFIG_DIR_ENV]) return resolve(env[CONFIG_DIR_ENV])
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Copydesk')
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Copydesk')
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'copydesk')
}

import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  SettingsSchema,
  settingsOver,
  type Settings,
  type SettingsDefaults,
} from '../../../shared/settings/schema'
import { writeFileDurably } from '../disk/atomic-file'
import { isErrnoException } from '../disk/fs-failure'
import type { SettingsStore } from './settings-store'
import { makeFolders } from '../disk/make-folders'

/** Settings kept in one JSON file, validated on read and written atomically. */
export class FileSettingsStore implements SettingsStore {
  private settings: Settings
  /** Why the file on disk could not be used, if it could not; it is left untouched until the next change. */
  readonly loadProblem: string | undefined

  constructor(
    private readonly path: string,
    defaults: SettingsDefaults = {},
  ) {
    const { settings, problem } = this.load(defaults)
    this.settings = settings
    this.loadProblem = problem
  }

  get(): Settings {
    return this.settings
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = SettingsSchema.parse({ ...this.settings, ...patch })
    await makeFolders(dirname(this.path))
    await writeFileDurably(this.path, `${JSON.stringify(next, null, 2)}\n`)
    this.settings = next
    return next
  }

  private load(defaults: SettingsDefaults): { settings: Settings; problem?: string } {
    let stored: unknown
    try {
      stored = JSON.parse(readFileSync(this.path, 'utf8'))
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT')
        return settingsOver(defaults, undefined)
      const why =
        error instanceof SyntaxError
          ? 'is not valid JSON'
          : `cannot be read (${(error as Error).message})`
      return {
        ...settingsOver(defaults, undefined),
        problem: `${this.path} ${why}; defaults are used`,
      }
    }
    const { settings, problem } = settingsOver(defaults, stored)
    return problem
      ? { settings, problem: `${this.path}: ${problem}; defaults are used` }
      : { settings }
  }
}

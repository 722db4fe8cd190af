import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { SettingsSchema, type Settings } from '../../shared/settings/schema'
import { writeFileDurably } from './atomic-file'
import { isErrnoException } from './fs-failure'
import type { SettingsStore } from './settings-store'

/** Settings kept in one JSON file, validated on read and written atomically. */
export class FileSettingsStore implements SettingsStore {
  private settings: Settings
  /** Why the file on disk could not be used, if it could not; it is then left untouched until the next change. */
  readonly loadProblem: string | undefined

  constructor(
    private readonly path: string,
    defaults: Partial<Settings> = {},
  ) {
    const loaded = this.load()
    this.loadProblem = loaded.problem
    this.settings = SettingsSchema.parse({ ...defaults, ...loaded.values })
  }

  get(): Settings {
    return this.settings
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = SettingsSchema.parse({ ...this.settings, ...patch })
    await mkdir(dirname(this.path), { recursive: true })
    await writeFileDurably(this.path, `${JSON.stringify(next, null, 2)}\n`)
    this.settings = next
    return next
  }

  private load(): { values: Partial<Settings>; problem?: string } {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return { values: {} }
      return { values: {}, problem: `cannot read ${this.path}: ${(error as Error).message}` }
    }
    try {
      const parsed = SettingsSchema.partial().safeParse(JSON.parse(text))
      if (parsed.success) return { values: parsed.data }
      return { values: {}, problem: `${this.path} is not valid settings; defaults are used` }
    } catch {
      return { values: {}, problem: `${this.path} is not valid JSON; defaults are used` }
    }
  }
}

import Store from 'electron-store'
import {
  SettingsSchema,
  settingsOver,
  type Settings,
  type SettingsDefaults,
} from '../../shared/settings/schema'
import type { SettingsStore } from '../services/settings/settings-store'

/** Settings in electron-store (userData/settings.json), validated on every read and write. */
export class ElectronSettingsStore implements SettingsStore {
  private readonly store = new Store<Record<string, unknown>>({ name: 'settings' })
  private settings: Settings

  /** Called after every change, with the settings before and after (main syncs the spellchecker). */
  onUpdate?: (previous: Settings, next: Settings) => void

  constructor(defaults: SettingsDefaults) {
    // A hand-edited or corrupt file falls back to defaults; it is rewritten only on the next change.
    this.settings = settingsOver(defaults, this.store.store).settings
  }

  get(): Settings {
    return this.settings
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = SettingsSchema.parse({ ...this.settings, ...patch })
    this.store.store = next
    const previous = this.settings
    this.settings = next
    this.onUpdate?.(previous, next)
    return next
  }
}

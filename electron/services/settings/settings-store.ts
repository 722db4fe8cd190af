import type { Settings } from '../../../shared/settings/schema'

/**
 * Settings behind one small interface: electron-store inside Electron, a JSON file in the
 * browser host and the CLI (electron-store needs Electron's own Node).
 */
export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
}

import { create } from 'zustand'
import type { Settings, SettingsPatch } from '../../../shared/settings/schema'
import { client } from '../api/client'

interface SettingsState {
  settings?: Settings
  load(): Promise<void>
  /** Changes and keeps settings; answers the reason when they cannot be kept. */
  update(patch: SettingsPatch): Promise<string | undefined>
}

export const useSettings = create<SettingsState>((set) => ({
  async load() {
    const result = await client.invoke('settings:get', {})
    if (result.ok) set({ settings: result.value })
  },
  async update(patch) {
    const result = await client.invoke('settings:update', patch)
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    return undefined
  },
}))

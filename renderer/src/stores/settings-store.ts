import { create } from 'zustand'
import type { Settings } from '../../../shared/settings/schema'
import { client } from '../api/client'

interface SettingsState {
  settings?: Settings
  load(): Promise<void>
}

export const useSettings = create<SettingsState>((set) => ({
  async load() {
    const result = await client.invoke('settings:get', {})
    if (result.ok) set({ settings: result.value })
  },
}))

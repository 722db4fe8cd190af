import { create } from 'zustand'
import type { SettingsAnswer, SettingsPatch } from '../../../shared/settings/schema'
import { client } from '../api/client'

interface SettingsState {
  /** The settings, and whether a desk token is kept (the token itself never reaches the page). */
  settings?: SettingsAnswer
  load(): Promise<void>
  /** Changes and keeps settings; answers the reason when they cannot be kept. */
  update(patch: SettingsPatch): Promise<string | undefined>
  /** Keeps a new desk token, or forgets it (`null`); answers the reason when it cannot. */
  setDeskToken(token: string | null): Promise<string | undefined>
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
  async setDeskToken(token) {
    const result = await client.invoke('desk:set-token', { token })
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    return undefined
  },
}))

import { create } from 'zustand'
import type { Slot } from '../../../shared/copyfit/slot'
import { client } from '../api/client'

/** The publication's copyfit slots, as main has them: the shipped and the newsroom's own. */
export const useSlots = create<{
  slots?: Slot[]
  /** Slot files that could not be used, with why. */
  problems: string[]
  error?: string
  load(): Promise<void>
  /** Adds a newsroom's slot file; says why not when it is refused. */
  add(file: File): Promise<string | undefined>
}>((set, get) => ({
  problems: [],
  async load() {
    const loaded = await client.invoke('copyfit:slots', {})
    set(
      loaded.ok
        ? { slots: loaded.value.slots, problems: loaded.value.problems, error: undefined }
        : { error: loaded.error.message },
    )
  },
  async add(file) {
    const imported = await client.invoke('copyfit:import-slot', {
      fileName: file.name,
      text: await file.text(),
    })
    if (!imported.ok) return imported.error.message
    await get().load()
    return undefined
  },
}))

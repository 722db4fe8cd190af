import { create } from 'zustand'

/**
 * Where the bar for the suggestion at the cursor is shown: a place in the sticky story bar, kept
 * by the article's toolbar. There it is always in sight and never over the text being reviewed,
 * however far down a long story the cursor is.
 */
export const useSuggestionSlot = create<{
  slot: HTMLElement | null
  setSlot(slot: HTMLElement | null): void
}>((set) => ({
  slot: null,
  setSlot: (slot) => set({ slot }),
}))

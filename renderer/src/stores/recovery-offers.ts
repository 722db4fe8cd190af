import { create } from 'zustand'
import type { RecoveryOffer } from '../../../shared/library/recovery-offer'
import { client } from '../api/client'

/**
 * How the unsaved edits of an earlier session are put to the person: the dialog, or, when they
 * were already at work on a story by the time Copydesk knew of them, a notice that opens it.
 */
export type RecoveryShown = 'dialog' | 'notice' | 'none'

interface RecoveryOffersState {
  /** Unsaved edits from before, not yet restored or discarded; undefined until known. */
  offers?: RecoveryOffer[]
  shown: RecoveryShown
  /** Asks main once per page for the offers; every later call answers the same. */
  check(): Promise<RecoveryOffer[]>
  show(shown: RecoveryShown): void
  /** One offer restored or discarded: it goes, and with the last one, the dialog and notice. */
  settle(articleId: string): void
}

let checking: Promise<RecoveryOffer[]> | undefined

/**
 * When this page started. Edits journaled since are not from earlier: they are this page's own
 * (typed while the offers were on their way) or another open tab's, still being written.
 */
const pageStarted = Date.now()

/** Only the edits of a session that ended before this page started are offered back. */
export const fromEarlier = (offers: readonly RecoveryOffer[], startedAt = pageStarted) =>
  offers.filter((offer) => !(Date.parse(offer.journaledAt) >= startedAt))

export const useRecoveryOffers = create<RecoveryOffersState>((set, get) => ({
  shown: 'none',
  check() {
    checking ??= client.invoke('recovery:list', {}).then((result) => {
      // Offers that cannot be read are offered again at the next start: the journal stays.
      const offers = result.ok ? fromEarlier(result.value) : []
      set({ offers })
      return offers
    })
    return checking
  },
  show(shown) {
    set({ shown: (get().offers?.length ?? 0) > 0 ? shown : 'none' })
  },
  settle(articleId) {
    const offers = (get().offers ?? []).filter((offer) => offer.articleId !== articleId)
    set({ offers, ...(offers.length === 0 && { shown: 'none' }) })
  },
}))

/** The offers are known and none is on screen to decide on: other questions may be asked. */
export const recoverySettled = (state: Pick<RecoveryOffersState, 'offers' | 'shown'>) =>
  state.offers !== undefined && state.shown !== 'dialog'

/** Preview text: the body's blocks (one a line) as lines of their own, cut after `limit` characters. */
export function previewLines(text: string, limit: number): string[] {
  const blocks = text.split('\n').filter((line) => line.trim())
  const lines: string[] = []
  let left = limit
  for (const [index, block] of blocks.entries()) {
    const more = index < blocks.length - 1
    if (block.length > left || (block.length === left && more)) {
      lines.push(`${block.slice(0, left).trimEnd()}…`)
      break
    }
    lines.push(block)
    left -= block.length
  }
  return lines
}

import { fromBase64, toBase64 } from 'lib0/buffer'
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DeskJoinAnswer, DeskSyncState } from '../../../shared/desk/desk-sync'
import { changesStoryDetails } from '../../../shared/desk/story-document'
import type { Failure } from '../../../shared/result'
import { client } from '../api/client'
import type { Clock } from './clock'
import { keepStoryDoc } from './kept-story-docs'
import { usePictureArrivals } from './picture-arrivals'

/** A change main could not take (it was busy or restarting) is offered again after this. */
export const PUSH_RETRY_MS = 1_000

/**
 * Changes on their way to main at once. Each is answered once it is on disk: a push need not wait
 * for the one before (main writes what came meanwhile in one go), so a slow disk holds back no
 * keystroke on its way to the others; changes beyond these wait, merged into one.
 */
const MAX_PUSHES_IN_FLIGHT = 4

/** The origin of changes from main (the desk, other people): applied here, never sent back. */
const FROM_MAIN = Symbol('from main')

export interface SharedStory {
  readonly id: string
  /** The page's copy of the story, which the field editors are bound to. */
  readonly doc: Y.Doc
  /** Who is in the story and where their carets are; this person's own state goes to main. */
  readonly awareness: Awareness
  /**
   * Whether the editors are being updated with a change from main right now: what they report
   * then is others' work, with nothing of this person's to share or save.
   */
  isApplyingOthersChange(): boolean
  /** Resolves once main holds every change made here, durably; false while it cannot take them. */
  handedOver(): Promise<boolean>
  /**
   * Stops listening; what is still on its way is handed over first. The copy is kept for the
   * next open once main holds all of it (see kept-story-docs).
   */
  leave(): Promise<void>
}

/**
 * What main says about a story while the page asks to join it, kept to be applied after the
 * answer: a change from the desk sent meanwhile would otherwise be missed for good.
 */
export interface DeskNews {
  updates: string[]
  sync?: { sync: DeskSyncState; version: number }
  stop(): void
}

export function collectDeskNews(id: string): DeskNews {
  const news: DeskNews = {
    updates: [],
    stop: () => {
      stopUpdates()
      stopSync()
    },
  }
  const stopUpdates = client.on('desk:update', (change) => {
    if (change.id === id) news.updates.push(change.update)
  })
  const stopSync = client.on('desk:sync', ({ id: story, sync, version }) => {
    if (story === id && version > (news.sync?.version ?? -1)) news.sync = { sync, version }
  })
  return news
}

interface Options {
  /** The shared state as main answered the join, and its news since the join was asked. */
  joined: Extract<DeskJoinAnswer, { shared: true }>
  /** The page's copy from the last time it had the story open, whose state vector it sent. */
  kept?: Y.Doc
  news: DeskNews
  /**
   * Another person changed the story's details (the fields the editors do not show): the form
   * shows them. Not called for changes only to the rich texts.
   */
  changedByOthers(): void
  /** Main refused or could not take a change; it is offered again until it can. */
  pushFailed(failure: Failure): void
  pushed(): void
  /** Where the story stands with the desk now. */
  syncChanged(state: DeskSyncState): void
  clock: Clock
}

/**
 * The page's side of a shared story: its Yjs document, every local change handed to main (which
 * keeps it on disk and sends it to the desk) one request at a time, the changes waiting merged
 * into one, and every change main reports applied here. Yjs merges in any order, so a change that
 * crosses another on its way is never lost or doubled.
 */
export function joinSharedStory(
  id: string,
  { joined, kept, news, changedByOthers, pushFailed, pushed, syncChanged, clock }: Options,
): SharedStory {
  // Main answered only what the kept copy lacks, or (not holding all of it) the whole state.
  const doc = joined.sinceStateVector && kept ? kept : new Y.Doc()
  if (kept && kept !== doc) kept.destroy()
  /** Changes made here that no push carries yet. */
  let waiting: Uint8Array[] = []
  /** Pushes main has not answered: each resolves false when main could not take its change. */
  const inFlight = new Set<Promise<boolean>>()
  let retry: ReturnType<Clock['setTimeout']> | undefined

  /** Sends what is waiting, as one change, without waiting for the pushes before it. */
  const pushWaiting = (): void => {
    if (waiting.length === 0 || inFlight.size >= MAX_PUSHES_IN_FLIGHT) return
    const update = Y.mergeUpdates(waiting)
    waiting = []
    const push = client
      .invoke('desk:push', { id, update: toBase64(update) })
      .then((result) => {
        if (!result.ok) {
          // Kept for the next try, with whatever came meanwhile.
          waiting.unshift(update)
          pushFailed(result.error)
          clock.clearTimeout(retry)
          retry = clock.setTimeout(() => void handOver(), PUSH_RETRY_MS)
          return false
        }
        pushed()
        return true
      })
      .finally(() => {
        inFlight.delete(push)
        // A change held back by the cap goes now; after a failure it waits for the retry.
        if (retry === undefined) pushWaiting()
      })
    inFlight.add(push)
  }

  /** Resolves once main holds every change made so far, durably; false if it could not take one. */
  async function handOver(): Promise<boolean> {
    clock.clearTimeout(retry)
    retry = undefined
    pushWaiting()
    while (inFlight.size > 0) {
      if ((await Promise.all(inFlight)).includes(false)) return false
      pushWaiting()
    }
    return waiting.length === 0
  }

  const madeHere = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_MAIN) return
    waiting.push(update)
    // After a failure, changes wait for the retry rather than ask main again at every key.
    if (retry === undefined) pushWaiting()
  }
  doc.on('update', madeHere)

  /** True while a change from main is applied: the editors' updates it causes are not edits here. */
  let applyingOthersChange = false
  const stopListening = client.on('desk:update', (change) => {
    if (change.id !== id) return
    // A change this page made itself comes back when another tab here is in the story too:
    // Yjs finds nothing new in it, and nothing is redrawn.
    let detailsChanged = false
    const seen = (transaction: Y.Transaction) => {
      if (changesStoryDetails(transaction)) detailsChanged = true
    }
    doc.on('afterTransaction', seen)
    applyingOthersChange = true
    try {
      Y.applyUpdate(doc, fromBase64(change.update), FROM_MAIN)
    } finally {
      applyingOthersChange = false
      doc.off('afterTransaction', seen)
    }
    if (detailsChanged) changedByOthers()
  })

  let syncVersion = joined.syncVersion
  const takeSync = (sync: DeskSyncState, version: number) => {
    if (version <= syncVersion) return
    syncVersion = version
    syncChanged(sync)
  }
  const stopSyncNews = client.on('desk:sync', (change) => {
    if (change.id === id) takeSync(change.sync, change.version)
  })
  // Listening now: what came before the answer is applied after it (Yjs takes a change twice
  // as once), and the collector can go.
  news.stop()
  Y.applyUpdate(doc, fromBase64(joined.update), FROM_MAIN)
  for (const update of news.updates) Y.applyUpdate(doc, fromBase64(update), FROM_MAIN)
  if (news.sync) takeSync(news.sync.sync, news.sync.version)

  const awareness = new Awareness(doc)
  let presenceInFlight = false
  let presenceWaiting = false
  /** One caret move on its way at a time; the latest is sent when it is back. */
  const sendPresence = async (): Promise<void> => {
    if (presenceInFlight) {
      presenceWaiting = true
      return
    }
    presenceInFlight = true
    await client.invoke('desk:presence', { id, state: awareness.getLocalState() })
    presenceInFlight = false
    if (presenceWaiting) {
      presenceWaiting = false
      await sendPresence()
    }
  }
  awareness.on('change', (_changes: unknown, origin: unknown) => {
    if (origin === 'local') void sendPresence()
  })
  const stopPresenceNews = client.on('desk:presence', (news) => {
    if (news.id === id) applyAwarenessUpdate(awareness, fromBase64(news.update), FROM_MAIN)
  })
  const stopPictureNews = client.on('desk:pictures', (news) => {
    if (news.id === id) usePictureArrivals.getState().arrived(news.names)
  })

  return {
    id,
    doc,
    awareness,
    handedOver: handOver,
    isApplyingOthersChange: () => applyingOthersChange,
    async leave() {
      stopListening()
      stopSyncNews()
      stopPresenceNews()
      stopPictureNews()
      awareness.destroy()
      clock.clearTimeout(retry)
      const everyChangeKept = await handOver()
      doc.off('update', madeHere)
      if (everyChangeKept) keepStoryDoc(id, doc)
      else doc.destroy()
    },
  }
}

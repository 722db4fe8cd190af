import { z } from 'zod'

/**
 * A Yjs update between the page and main, base64 so that it travels the same way over Electron
 * IPC and the browser host's JSON. A whole 50,000-word story is a few MiB; the desk refuses
 * messages past 32 MiB, so nothing larger is worth sending.
 */
export const DeskUpdateSchema = z.base64().max(48 * 1024 * 1024)

export const DeskPushRequest = z.object({ id: z.uuid(), update: DeskUpdateSchema })

/**
 * Joining a story: `stateVector` (base64) when the page still holds its copy from the last time
 * it had the story open, so that main answers only what changed since.
 */
export const DeskJoinRequest = z.object({
  id: z.uuid(),
  stateVector: z
    .base64()
    .max(1024 * 1024)
    .optional(),
})

/** Far more than a caret's relative positions and a person's name and colour take. */
const MAX_PRESENCE_CHARACTERS = 16_384

/**
 * This person in a shared story, as TipTap's caret extension keeps it: their name and colour and
 * where their caret and selection are. `null`: they have left.
 */
export const DeskPresenceRequest = z.object({
  id: z.uuid(),
  state: z
    .record(z.string().max(100), z.json())
    .nullable()
    .refine((state) => JSON.stringify(state).length <= MAX_PRESENCE_CHARACTERS, {
      error: 'a caret and a name take far less than this',
    }),
})

/** Where a shared story stands with the desk, in the words the save status shows. */
export type DeskSyncState =
  /** The desk has every change made here, and this machine every change it knows of. */
  | { kind: 'synced' }
  /** The desk cannot be reached: every change is kept on this computer, and sent once it can. */
  | { kind: 'offline'; reason?: string }
  /** Changes made here that the desk has not confirmed yet. */
  | { kind: 'syncing'; changes: number }
  /** The desk refused the token or a change; reconnecting alone will not help. */
  | { kind: 'refused'; message: string }

/** Opening a story for editing: whether it is shared, and then the whole shared state. */
export type DeskJoinAnswer =
  | { shared: false }
  | {
      shared: true
      /**
       * The shared state: whole, or (`sinceStateVector`) only what the page's copy lacks, when
       * main holds everything that copy holds.
       */
      update: string
      sinceStateVector: boolean
      sync: DeskSyncState
      /** Counts the standing's changes: news of it that crossed this answer on its way is older. */
      syncVersion: number
    }

/** The save status's words for a shared story. */
export function syncStateWords(state: DeskSyncState): string {
  switch (state.kind) {
    case 'synced':
      return 'Synced'
    case 'offline':
      return 'Offline: saved on this computer'
    case 'syncing':
      return state.changes === 1 ? 'Syncing 1 change' : `Syncing ${state.changes} changes`
    case 'refused':
      return state.message
  }
}

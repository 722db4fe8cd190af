import type { DeskSyncState } from '../../../shared/desk/desk-sync'

/** What a connection to the desk knows of itself, as the provider reports it. */
export interface DeskStanding {
  /** The socket to the desk is open. */
  connected: boolean
  /** The first exchange with the desk since the socket opened is done. */
  synced: boolean
  /** Changes sent that the desk has not confirmed yet. */
  unsyncedChanges: number
  /** Why the desk refused the token or a change, until it accepts again. */
  refusal?: string
  /** Why there is no connection at all (no address or token set), in the Desk section's words. */
  offlineReason?: string
}

/**
 * The save status's standing for a shared story. A refusal outranks being offline: the desk
 * closes a refused connection, and "offline" would promise that waiting helps when it does not.
 */
export function deskSyncState(standing: DeskStanding): DeskSyncState {
  if (standing.refusal !== undefined) return { kind: 'refused', message: standing.refusal }
  if (!standing.connected)
    return standing.offlineReason === undefined
      ? { kind: 'offline' }
      : { kind: 'offline', reason: standing.offlineReason }
  if (standing.synced && standing.unsyncedChanges === 0) return { kind: 'synced' }
  return { kind: 'syncing', changes: standing.unsyncedChanges }
}

export function sameSyncState(a: DeskSyncState, b: DeskSyncState): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

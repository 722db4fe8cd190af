import type { EventName } from '../../../shared/ipc/channels'
import type { EventPayloadOf } from '../../../shared/ipc/contract'

export type HubListener = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void

/** Fans main's events out to every window or browser tab that listens. */
export class EventHub {
  private readonly listeners = new Set<HubListener>()

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

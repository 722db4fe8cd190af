/**
 * Numbers each open or create, so that only the latest one loads: an article asked for later
 * wins over one whose answer happens to come back later.
 */
export interface OpenTickets {
  issue(): number
  isLatest(ticket: number): boolean
  /** The open or create holding the ticket is over, loaded or not. */
  settle(ticket: number): void
  /** Whether the latest open or create is over: none is on its way. */
  readonly settled: boolean
  /** Whether the person has opened or started anything yet. */
  readonly anyIssued: boolean
}

export function createOpenTickets(): OpenTickets {
  let latest = 0
  let settledTicket = 0
  return {
    issue: () => ++latest,
    isLatest: (ticket) => ticket === latest,
    settle: (ticket) => {
      if (ticket === latest) settledTicket = ticket
    },
    get settled() {
      return settledTicket === latest
    },
    get anyIssued() {
      return latest > 0
    },
  }
}

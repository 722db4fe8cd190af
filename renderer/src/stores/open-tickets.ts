/**
 * Numbers each open or create, so that only the latest one loads: an article asked for later
 * wins over one whose answer happens to come back later.
 */
export interface OpenTickets {
  issue(): number
  isLatest(ticket: number): boolean
  /** Whether the person has opened or started anything yet. */
  readonly anyIssued: boolean
}

export function createOpenTickets(): OpenTickets {
  let latest = 0
  return {
    issue: () => ++latest,
    isLatest: (ticket) => ticket === latest,
    get anyIssued() {
      return latest > 0
    },
  }
}

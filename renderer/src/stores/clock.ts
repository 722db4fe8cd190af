export type TimerId = ReturnType<typeof setTimeout>

/** Timers and the time, passed in so that tests can drive them. */
export interface Clock {
  setTimeout(run: () => void, ms: number): TimerId
  clearTimeout(timer: TimerId | undefined): void
  now(): number
}

/** The page's own timers, looked up at each call so that fake timers installed later apply. */
export const pageClock: Clock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer),
  now: () => Date.now(),
}

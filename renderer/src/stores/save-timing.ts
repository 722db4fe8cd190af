/**
 * User Timing measures of what a save costs this page, read by the benchmarks (bench/). The
 * measures of the page's own work end in a microtask queued after React's, so React's commit of
 * the new state is counted.
 */
export interface SaveTiming {
  /** The story is encoded and the request is on its way. */
  sent(): void
  /** main answered: the file is durable (or the save failed). */
  durable(): void
  /** Call before applying main's answer; call what it returns once it is applied. */
  applying(): () => void
}

export function startSaveTiming(): SaveTiming {
  const started = performance.now()
  return {
    sent: () =>
      queueMicrotask(() => performance.measure('copydesk:save-prepare', { start: started })),
    durable: () => performance.measure('copydesk:save-durable', { start: started }),
    applying() {
      const applying = performance.now()
      return () =>
        queueMicrotask(() => performance.measure('copydesk:save-apply', { start: applying }))
    },
  }
}

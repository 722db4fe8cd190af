/**
 * A state updater that keeps what is shown when the new value is equal to it, so React does not
 * commit again: each commit while the body has focus walks the whole body to measure the
 * selection. For small lists that are fetched or recomputed after every save or pause.
 */
export const unlessUnchanged =
  <T>(next: T) =>
  (shown: T): T =>
    JSON.stringify(shown) === JSON.stringify(next) ? shown : next

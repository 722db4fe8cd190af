import { create } from 'zustand'

interface PictureArrivals {
  /** How many times each picture (by file name in assets/) has come from the desk. */
  arrivals: Record<string, number>
  arrived(names: readonly string[]): void
}

/**
 * Pictures of shared stories that came from the desk after the story was drawn: a figure that
 * showed its picture as missing tries again when its picture arrives.
 */
export const usePictureArrivals = create<PictureArrivals>()((set) => ({
  arrivals: {},
  arrived: (names) =>
    set(({ arrivals }) => ({
      arrivals: {
        ...arrivals,
        ...Object.fromEntries(names.map((name) => [name, (arrivals[name] ?? 0) + 1])),
      },
    })),
}))

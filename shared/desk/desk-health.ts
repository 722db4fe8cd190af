import { z } from 'zod'

/** Where a desk server says how it is (GET, no token: load balancers and monitors ask it). */
export const DESK_HEALTH_PATH = '/health'

/**
 * One desk server's state: `ok` while it takes connections, `unwell` when its storage (or Redis)
 * does not answer. Counts only: nothing here names a story or a person.
 */
export const DeskHealthSchema = z.object({
  state: z.enum(['ok', 'unwell']),
  storage: z.object({ kind: z.enum(['sqlite', 'postgres']), reachable: z.boolean() }),
  /** Only for an instance that shares stories with others through Redis. */
  redis: z.object({ reachable: z.boolean() }).optional(),
  openStories: z.number().int().nonnegative(),
  connections: z.number().int().nonnegative(),
})
export type DeskHealth = z.infer<typeof DeskHealthSchema>

import { z } from 'zod'

/**
 * Why the desk refused a change, sent to the person's app before the server closes their
 * connection to the story: the close itself carries only a short reason and no code, and the
 * app must tell a refused change (reconnecting will not help) from a network fault.
 */
export const DeskRefusalSchema = z.object({
  kind: z.literal('copydesk/refused'),
  problem: z.enum(['invalid-story', 'not-allowed']),
  reason: z.string().max(10_000),
})
export type DeskRefusal = z.infer<typeof DeskRefusalSchema>

/** The refusal a stateless message carries, if it is one. */
export function parseDeskRefusal(payload: string): DeskRefusal | undefined {
  try {
    const parsed = DeskRefusalSchema.safeParse(JSON.parse(payload))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

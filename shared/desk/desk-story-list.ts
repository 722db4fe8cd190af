import { z } from 'zod'
import { ArticleStatusSchema } from '../article'

/** One story on the desk, as the desk's story list gives it to the app's Desk section. */
export const DeskStorySchema = z.object({
  id: z.uuid(),
  headline: z.string().max(10_000),
  status: ArticleStatusSchema,
  /** When the desk last stored it, and whose change it stored. */
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().max(200).optional(),
  /** The people in the story now, by the desk's names for them. */
  present: z.array(z.string().max(200)).max(1_000),
})
export type DeskStory = z.infer<typeof DeskStorySchema>

export const DeskStoryListSchema = z.object({ stories: z.array(DeskStorySchema).max(100_000) })
export type DeskStoryList = z.infer<typeof DeskStoryListSchema>

/** Where the desk server answers with its story list (GET, with the person's token as Bearer). */
export const DESK_STORIES_PATH = '/stories'

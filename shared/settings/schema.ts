import { z } from 'zod'

export const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(200),
})

export const SettingsSchema = z.object({
  /** Absolute path of the library folder; unset means the default in Documents. */
  libraryPath: z.string().min(1).optional(),
  /** Shown in new bylines and on every tracked change. */
  displayName: z.string().trim().max(200).default(''),
  /** Ids of recently opened articles, most recent first. */
  recentArticles: z.array(z.uuid()).max(20).default([]),
  windowBounds: WindowBoundsSchema.optional(),
})
export type Settings = z.infer<typeof SettingsSchema>

/** What the renderer may change; window bounds belong to main. */
export const SettingsPatchSchema = SettingsSchema.pick({
  displayName: true,
  recentArticles: true,
}).partial()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

import { z } from 'zod'
import { DeskAddressSchema } from '../desk/desk-connection'

export const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(200),
})

export const THEMES = ['system', 'light', 'dark'] as const
export const PANEL_IDS = [
  'details',
  'counts',
  'copyfit',
  'suggestions',
  'comments',
  'style',
  'sources',
  'history',
] as const
export type PanelId = (typeof PANEL_IDS)[number]
const CollapsedPanelsSchema = z.array(z.enum(PANEL_IDS)).max(PANEL_IDS.length)
const ThemeSchema = z.enum(THEMES)
export type Theme = z.infer<typeof ThemeSchema>

const DisplayNameSchema = z.string().trim().max(200)
const RecentArticlesSchema = z.array(z.uuid()).max(20)
const HeadlineLimitSchema = z.number().int().min(10).max(1_000)
const StandfirstLimitSchema = z.number().int().min(10).max(5_000)
/** Newsroom names and terms the spellchecker should accept. */
const DictionarySchema = z.array(z.string().trim().min(1).max(100)).max(5_000)
/** BCP 47, as exports declare it: "en", "en-GB", "mi". */
const LanguageSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or en-GB')
/** Where packaged images will be published, for absolute links in ninjs; empty for none. */
const ImageBaseUrlSchema = z.union([
  z.literal(''),
  z.url({ protocol: /^https?$/ }).refine((url) => url.endsWith('/'), 'must end with /'),
])

export const SettingsSchema = z.object({
  /** Absolute path of the library folder; unset means the default in Documents. */
  libraryPath: z.string().min(1).optional(),
  /**
   * Shown in new bylines, on versions and on every tracked change and comment: only ever a name
   * the person gave (the app asks for it until they do), never one guessed for them.
   */
  displayName: DisplayNameSchema.default(''),
  /** Ids of recently opened articles, most recent first. */
  recentArticles: RecentArticlesSchema.default([]),
  windowBounds: WindowBoundsSchema.optional(),
  /** Character limits the story editor flags (never enforces). */
  headlineLimit: HeadlineLimitSchema.default(70),
  standfirstLimit: StandfirstLimitSchema.default(200),
  dictionary: DictionarySchema.default([]),
  /** The language exports declare. */
  language: LanguageSchema.default('en'),
  imageBaseUrl: ImageBaseUrlSchema.default(''),
  /** `system` follows the operating system's light or dark appearance. */
  theme: ThemeSchema.default('system'),
  /** The right-hand panels folded away, for more room to write. */
  panelsHidden: z.boolean().default(false),
  /** Panels folded away beside the story. */
  collapsedPanels: CollapsedPanelsSchema.default([]),
  /**
   * The desk server this person works with (ws, wss, http or https); empty for none. Their token
   * is kept apart, in a file only they may read, and never sent to the page.
   */
  deskAddress: DeskAddressSchema.default(''),
  /** The newsroom's rule: a story with a quote the desk has not checked is not exported. */
  quotesMustBeChecked: z.boolean().default(false),
})
export type Settings = z.infer<typeof SettingsSchema>

/**
 * Settings as main answers them to the page: the settings, and whether a desk token is kept,
 * never the token itself.
 */
export type SettingsAnswer = Settings & { deskTokenSet: boolean }

/** What the renderer may change: no defaults (absent means unchanged), and nothing main owns. */
export const SettingsPatchSchema = z.strictObject({
  displayName: DisplayNameSchema.optional(),
  headlineLimit: HeadlineLimitSchema.optional(),
  standfirstLimit: StandfirstLimitSchema.optional(),
  dictionary: DictionarySchema.optional(),
  language: LanguageSchema.optional(),
  imageBaseUrl: ImageBaseUrlSchema.optional(),
  recentArticles: RecentArticlesSchema.optional(),
  theme: ThemeSchema.optional(),
  panelsHidden: z.boolean().optional(),
  collapsedPanels: CollapsedPanelsSchema.optional(),
  deskAddress: DeskAddressSchema.optional(),
  quotesMustBeChecked: z.boolean().optional(),
})
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

/**
 * What an app may default: anything but the person's name, which only the person gives (the
 * operating-system login once put "root" in bylines); a first run starts with none and asks.
 */
export type SettingsDefaults = Partial<Omit<Settings, 'displayName'>>

/**
 * Stored settings over defaults. A stored file that does not validate is not used (the caller
 * reports why and leaves the file alone until the next change), rather than half-applied.
 */
export function settingsOver(
  defaults: SettingsDefaults,
  stored: unknown,
): { settings: Settings; problem?: string } {
  const fallback = SettingsSchema.parse(defaults)
  if (stored === undefined) return { settings: fallback }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { settings: fallback, problem: 'not a JSON object' }
  }
  const merged = SettingsSchema.safeParse({ ...defaults, ...stored })
  return merged.success
    ? { settings: merged.data }
    : {
        settings: fallback,
        problem: merged.error.issues.map((issue) => issue.path.join('.')).join(', ') + ' invalid',
      }
}

import { z } from 'zod'
import { migrateToCurrent } from '../article/migrations'
import { ARTICLE_SCHEMA_VERSION, ArticleFieldsSchema, ArticleStatusSchema } from '../article/schema'

/** Why a version was kept. */
export const VERSION_REASONS = ['manual', 'status', 'auto', 'before-restore'] as const

/** How the History panel and the compare dialog name a version that has no label of its own. */
export const VERSION_REASON_NAMES: Record<(typeof VERSION_REASONS)[number], string> = {
  manual: 'Saved version',
  status: 'Status change',
  auto: 'Saved automatically',
  'before-restore': 'Kept before a restore',
}

/** `20261129T031000123Z-r5`: when, and which revision; sorts by time as text. */
export const VersionIdSchema = z.string().regex(/^\d{8}T\d{9}Z-r\d+$/, 'not a version id')

export const VersionSummarySchema = z.object({
  id: VersionIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  author: z.string().max(200),
  label: z.string().max(200),
  reason: z.enum(VERSION_REASONS),
  status: ArticleStatusSchema,
  revision: z.number().int().min(1),
})
export type VersionSummary = z.infer<typeof VersionSummarySchema>

/** A version file: its summary and the article's fields as they were. */
export const ArticleVersionSchema = VersionSummarySchema.extend({
  schemaVersion: z.literal(1),
  /** The article schema the fields were written in, so older versions can be migrated on read. */
  articleSchemaVersion: z.number().int().min(1),
  fields: ArticleFieldsSchema,
})
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>

/**
 * Reads a version file of any article schema: fields written by an older Copydesk are brought up
 * to date with the same migrations as article files, so old versions stay comparable and
 * restorable.
 */
export function parseVersion(raw: unknown): ArticleVersion | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const file = raw as Record<string, unknown>
  const written =
    typeof file.articleSchemaVersion === 'number' ? file.articleSchemaVersion : undefined
  if (typeof file.fields !== 'object' || file.fields === null || written === undefined)
    return undefined
  let fields: Record<string, unknown> = file.fields as Record<string, unknown>
  if (written < ARTICLE_SCHEMA_VERSION) {
    try {
      const { schemaVersion: _, ...migrated } = migrateToCurrent({
        ...fields,
        schemaVersion: written,
      })
      fields = migrated
    } catch {
      return undefined
    }
  }
  const parsed = ArticleVersionSchema.safeParse({
    ...file,
    articleSchemaVersion: ARTICLE_SCHEMA_VERSION,
    fields,
  })
  return parsed.success ? parsed.data : undefined
}

export function versionId(at: Date, revision: number): string {
  return `${at.toISOString().replace(/[-:.]/g, '')}-r${revision}`
}

/** Automatic versions are kept at most this often while someone edits. */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60 * 1000

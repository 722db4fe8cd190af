import { describeZodError } from '../validation/describe-zod-error'
import { migrateToCurrent, MigrationError } from './migrations'
import { ArticleSchema, ParsedArticleBodySchema, type Article } from './schema'

export type ArticleParseResult =
  { ok: true; article: Article; migratedFrom?: number } | { ok: false; reason: string }

/**
 * An article as read from its file: parsed JSON, so its body's blocks already found valid (the
 * file just saved, read back for the library's index) are not checked again.
 */
const ArticleFileSchema = ArticleSchema.extend({ body: ParsedArticleBodySchema })

/** Reads `article.json` text. Never throws: a bad file gets a reason a person can act on. */
export function parseArticleJson(text: string): ArticleParseResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not a JSON object' }
  }
  const original = raw as Record<string, unknown>
  let migrated: Record<string, unknown>
  try {
    migrated = migrateToCurrent(original)
  } catch (error) {
    if (error instanceof MigrationError) return { ok: false, reason: error.message }
    throw error
  }
  const parsed = ArticleFileSchema.safeParse(migrated)
  if (!parsed.success)
    return { ok: false, reason: `invalid article: ${describeZodError(parsed.error)}` }
  const fromVersion = original.schemaVersion as number
  return fromVersion === parsed.data.schemaVersion
    ? { ok: true, article: parsed.data }
    : { ok: true, article: parsed.data, migratedFrom: fromVersion }
}

/** Stable, diff-friendly JSON: two-space indent and a final newline. */
export function serializeArticle(article: Article): string {
  return `${JSON.stringify(ArticleSchema.parse(article), null, 2)}\n`
}

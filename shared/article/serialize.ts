import { describeArticleProblems } from '../validation/describe-zod-error'
import { describeJsonProblem } from '../validation/json-problem'
import { ValidBlockMemory } from '../editor/validate-body'
import { migrateToCurrent, MigrationError } from './migrations'
import {
  ARTICLE_SCHEMA_VERSION,
  ArticleSchema,
  parsedArticleBodySchema,
  type Article,
} from './schema'

/**
 * `reason` finishes a sentence that starts with the file's name and where it is ("article.json
 * in folder bridge-closes-1a2b3c4d …"): "is not valid JSON (it ends in the middle, at line 12)".
 */
export type ArticleParseResult =
  { ok: true; article: Article; migratedFrom?: number } | { ok: false; reason: string }

/**
 * Reads `article.json` text. Never throws: a bad file gets a reason a person can act on. Its
 * body's blocks that `memory` found valid before (the file just saved, read back for the
 * library's index) are not checked again.
 */
export function parseArticleJson(
  text: string,
  memory = new ValidBlockMemory(),
): ArticleParseResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, reason: describeJsonProblem(text) }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: `does not hold an article: it holds ${jsonKind(raw)}` }
  }
  const original = raw as Record<string, unknown>
  const version = original.schemaVersion
  // Said here rather than by the migrations, whose messages are for the developers of each step.
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      reason:
        version === undefined
          ? 'does not say which version of the article format it follows (the schema version is missing)'
          : `has a schema version of ${JSON.stringify(version)}, which is not a version of the article format`,
    }
  }
  if (version > ARTICLE_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `was written by a newer Copydesk (schema ${version}; this one reads up to schema ${ARTICLE_SCHEMA_VERSION}). Update Copydesk to open it`,
    }
  }
  let migrated: Record<string, unknown>
  try {
    migrated = migrateToCurrent(original)
  } catch (error) {
    // The step's own message (a zod path and its complaint) is for whoever wrote the step.
    if (error instanceof MigrationError) {
      return {
        ok: false,
        reason: `was written by an older Copydesk (schema ${version}) but not in the form that version wrote, so it cannot be brought up to date`,
      }
    }
    throw error
  }
  const parsed = ArticleSchema.extend({ body: parsedArticleBodySchema(memory) }).safeParse(migrated)
  if (!parsed.success) {
    return {
      ok: false,
      reason: `is not a valid article: ${describeArticleProblems(parsed.error, migrated)}`,
    }
  }
  return version === parsed.data.schemaVersion
    ? { ok: true, article: parsed.data }
    : { ok: true, article: parsed.data, migratedFrom: version }
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'only null'
  if (typeof value === 'string') return 'only a piece of text'
  if (typeof value === 'number') return 'only a number'
  return `only ${String(value)}`
}

/**
 * Stable, diff-friendly JSON: two-space indent and a final newline. The article is checked as a
 * read would check it, so nothing is written that could not be read back; body blocks `memory`
 * found valid before (the save's own request, checked as it crossed) are not checked again.
 */
export function serializeArticle(article: Article, memory = new ValidBlockMemory()): string {
  const checked = ArticleSchema.extend({ body: parsedArticleBodySchema(memory) }).parse(article)
  return `${JSON.stringify(checked, null, 2)}\n`
}

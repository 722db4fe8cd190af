import { z } from 'zod'
import { describeZodError } from '../validation/describe-zod-error'
import { ARTICLE_SCHEMA_VERSION } from './schema'

/**
 * One step per schema version: `steps[n]` turns a version-n document into version n+1.
 * Each step validates the shape it expects, so a damaged old file fails loudly here
 * instead of producing a half-migrated article.
 */
type MigrationStep = (document: Record<string, unknown>) => Record<string, unknown>

/** Version 1 kept the byline as one line of text and called keywords "tags". */
const ArticleV1Shape = z.looseObject({
  schemaVersion: z.literal(1),
  byline: z.string(),
  tags: z.array(z.string()),
})

function splitBylineLine(line: string): { name: string }[] {
  return line
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map((name) => ({ name }))
}

const steps: Record<number, MigrationStep> = {
  1: (document) => {
    const { byline, tags, ...rest } = ArticleV1Shape.parse(document)
    const keywords = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))]
    return { ...rest, schemaVersion: 2, byline: splitBylineLine(byline), keywords }
  },
  /** Version 3 keeps the house-style matches ignored for this article. */
  2: (document) => ({ ...document, schemaVersion: 3, styleIgnores: [] }),
  /** Version 4 keeps comment threads. */
  3: (document) => ({ ...document, schemaVersion: 4, comments: [] }),
  /** Version 5 keeps suggestions (tracked changes) and who made them. */
  4: (document) => ({ ...document, schemaVersion: 5, tracked: {}, suggestions: [] }),
  /** Version 6 keeps the story's sources and its quotes' log. */
  5: (document) => ({ ...document, schemaVersion: 6, sources: [], quotes: [] }),
}

export class MigrationError extends Error {}

/** Brings a parsed article document of any known older version up to the current one. */
export function migrateToCurrent(document: Record<string, unknown>): Record<string, unknown> {
  let current = document
  const declared = current.schemaVersion
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    throw new MigrationError('schemaVersion is missing or not a positive integer')
  }
  let version = declared
  if (version > ARTICLE_SCHEMA_VERSION) {
    throw new MigrationError(
      `written by a newer Copydesk (schema version ${version}; this version reads up to ${ARTICLE_SCHEMA_VERSION})`,
    )
  }
  while (version < ARTICLE_SCHEMA_VERSION) {
    const step = steps[version]
    if (!step) throw new MigrationError(`no migration from schema version ${version}`)
    try {
      current = step(current)
    } catch (error) {
      const detail = error instanceof z.ZodError ? describeZodError(error) : String(error)
      throw new MigrationError(`cannot migrate from schema version ${version}: ${detail}`)
    }
    version = current.schemaVersion as number
  }
  return current
}

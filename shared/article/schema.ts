import { z } from 'zod'
import {
  boundedList,
  boundedText,
  MAX_LINE_LENGTH,
  MAX_PASSAGE_LENGTH,
} from '../validation/bounded'
import { nestingDepth } from '../validation/nesting-depth'
import { SlugSchema } from './slug'
import { validateBody, validBodyByBlocks, type ValidBlockMemory } from '../editor/validate-body'
import { TiptapDocSchema, type TiptapNode } from './tiptap-json'
import { QuoteLogEntrySchema, SourceSchema } from './source-log'
import { SlotIdSchema } from '../copyfit/slot'

export const ARTICLE_SCHEMA_VERSION = 6

export const ARTICLE_STATUSES = ['draft', 'filed', 'subbed', 'ready', 'published'] as const
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES)
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>

export const SuggestionIdSchema = z.string().min(1).max(100)

/**
 * A byline change proposed in Suggest edits: a person added, removed, or a name changed from
 * `previousName`. The entry holds the proposed name until the suggestion is accepted or rejected.
 */
export const BylineSuggestionSchema = z.object({
  id: SuggestionIdSchema,
  kind: z.enum(['insert', 'delete', 'replace']),
  previousName: boundedText().optional(),
})
export type BylineSuggestion = z.infer<typeof BylineSuggestionSchema>

export const BylineEntrySchema = z.object({
  name: boundedText().trim().min(1, 'a byline needs a name'),
  role: boundedText().trim().min(1).optional(),
  suggestion: BylineSuggestionSchema.optional(),
})
export type BylineEntry = z.infer<typeof BylineEntrySchema>

const IsoDateTime = z.iso.datetime({ offset: true })

export const CommentReplySchema = z.object({
  id: z.uuid(),
  author: z.string().max(200),
  createdAt: IsoDateTime,
  text: boundedText(MAX_PASSAGE_LENGTH).min(1),
})

/** A comment thread, anchored in the body by `comment` marks carrying its id. Never exported. */
export const CommentThreadSchema = CommentReplySchema.extend({
  resolved: z.boolean(),
  resolvedBy: z.string().max(200).optional(),
  replies: z.array(CommentReplySchema).max(500),
})
export type CommentThread = z.infer<typeof CommentThreadSchema>
export type CommentReply = z.infer<typeof CommentReplySchema>

/** Who proposed a suggestion and when; the marks in the text carry only the id. */
export const SuggestionAuthorshipSchema = z.object({
  id: SuggestionIdSchema,
  author: z.string().max(200),
  createdAt: IsoDateTime,
})
export type SuggestionRecord = z.infer<typeof SuggestionAuthorshipSchema>

/** A one-line field's text with its insertion and deletion marks, as the field's editor holds it. */
export const TrackedLineSchema = z
  .array(
    z.object({
      type: z.literal('text'),
      text: z.string().min(1),
      marks: z
        .array(
          z.object({
            type: z.enum(['insertion', 'deletion']),
            attrs: z.object({ id: z.union([SuggestionIdSchema, z.number()]) }),
          }),
        )
        .max(1)
        .optional(),
    }),
  )
  .max(2_000)
export type TrackedLine = z.infer<typeof TrackedLineSchema>

/** The text as it stands without the line's pending insertions: what rejecting them all leaves. */
export function baseTextOf(line: TrackedLine): string {
  return line
    .filter((node) => node.marks?.[0]?.type !== 'insertion')
    .map((node) => node.text)
    .join('')
}

/** JSON levels: a node and its content list are two; lists in quotes in lists stay far below. */
const MAX_BODY_DEPTH = 128

/** Valid TipTap JSON that also fits the article body schema (known nodes, figures in assets/). */
export const ArticleBodySchema = z
  .unknown()
  // Measured first, without recursion: a hostile file nested thousands of levels deep would
  // otherwise overflow the stack in the recursive checks below instead of being refused.
  .refine((body) => nestingDepth(body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH, {
    message: `the body is nested more than ${MAX_BODY_DEPTH} levels deep; articles nest a few levels`,
    abort: true,
  })
  .pipe(TiptapDocSchema)
  .superRefine((doc, context) => {
    const problem = validateBody(doc)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

/**
 * The same check for a body parsed from JSON text (a save, a crash journal, an article file):
 * blocks this memory found valid before are not checked again, by zod or ProseMirror
 * (`validBodyByBlocks`), nor is a body it checked whole (the request's, when the save writes
 * it). A body it cannot vouch for is checked whole, so what is refused, and why, is exactly as
 * above.
 */
export const parsedArticleBodySchema = (memory: ValidBlockMemory) =>
  z.unknown().transform((body, context): TiptapNode => {
    // The body a save's request carried, checked as it crossed, is the one the save writes.
    if (memory.vouchesFor(body)) return body
    const known =
      nestingDepth(body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH
        ? validBodyByBlocks(body, memory)
        : undefined
    if (known) return memory.checked(known)
    const whole = ArticleBodySchema.safeParse(body)
    if (whole.success) return memory.checked(whole.data)
    // Finished issues keep their message and path; the outer schemas prefix the path as usual.
    context.issues.push(...(whole.error.issues as z.core.$ZodRawIssue[]))
    return z.NEVER
  })

/**
 * The editable part of an article: what a person types. Text is bounded only against abuse
 * (`boundedText`): a pasted 5,000-character headline is flagged by the editor and preflight
 * against the desk's limits, and saved all the same.
 */
export const ArticleFieldsSchema = z.object({
  /** Names the folder too: changing it renames the article's folder on the next save. */
  slug: SlugSchema,
  headline: boundedText(),
  standfirst: boundedText(MAX_PASSAGE_LENGTH),
  byline: boundedList(BylineEntrySchema, 1_000),
  dateline: boundedText(),
  section: boundedText(),
  keywords: boundedList(boundedText().trim().min(1), 10_000),
  status: ArticleStatusSchema,
  body: ArticleBodySchema,
  /** House-style matches the desk chose to leave, as `ruleId:matched text`, for this article only. */
  styleIgnores: z.array(z.string().max(MAX_LINE_LENGTH)).max(1_000),
  comments: z.array(CommentThreadSchema).max(2_000),
  /**
   * The headline and standfirst with their suggestions, present only while they have some;
   * `headline` and `standfirst` then hold the text without the proposed insertions.
   */
  tracked: z.object({
    headline: TrackedLineSchema.optional(),
    standfirst: TrackedLineSchema.optional(),
  }),
  /** Who made each suggestion in the article and when. */
  suggestions: z.array(SuggestionAuthorshipSchema).max(10_000),
  /** The slot the story is written to fit (resources/slots), if it has been given one. */
  slot: SlotIdSchema.optional(),
  /** Who the reporter spoke to (see source-log). Never exported. */
  sources: z.array(SourceSchema).max(1_000),
  /** Each quote's source, record and check. Never exported. */
  quotes: z.array(QuoteLogEntrySchema).max(10_000),
})
export type ArticleFields = z.infer<typeof ArticleFieldsSchema>

export const ArticleSchema = ArticleFieldsSchema.extend({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: z.uuid(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  revision: z.number().int().min(1),
})
export type Article = z.infer<typeof ArticleSchema>

/** The editable fields of a stored article, without its identity and bookkeeping. */
export function fieldsOf(article: Article): ArticleFields {
  const { schemaVersion, id, createdAt, updatedAt, revision, ...fields } = article
  return fields
}

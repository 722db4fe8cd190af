import { z } from 'zod'

/**
 * A slot a story is written to fit: a space on a printed page (a column measure, a face, a size
 * and leading, and the lines there are for each field), or a web page's character budgets. A
 * newsroom keeps its own beside the shipped examples (resources/slots/*.yaml).
 */

const Positive = z.number().positive()
const Lines = z.number().int().positive()

/** How one field is set on the page. */
const PrintFieldSchema = z.strictObject({
  sizePt: Positive,
  leadingPt: Positive,
  /** How many columns the field runs across (a headline over five, the body in one). */
  columns: z.number().int().positive().default(1),
  /** Lines there are for it: for the body, in all its columns together. */
  lines: Lines,
  weight: z.union([z.literal(400), z.literal(600), z.literal(700)]).default(400),
})
export type PrintField = z.output<typeof PrintFieldSchema>

export const PrintSlotSchema = z.strictObject({
  kind: z.literal('print'),
  name: z.string().trim().min(1).max(200),
  /** The face every field is set in: one Copydesk has the files of (see copyfit fonts). */
  font: z.string().trim().min(1).max(100),
  columnWidthMm: Positive,
  gutterMm: z.number().nonnegative(),
  headline: PrintFieldSchema,
  standfirst: PrintFieldSchema.optional(),
  body: PrintFieldSchema,
})
export type PrintSlot = z.output<typeof PrintSlotSchema>

export const WebSlotSchema = z.strictObject({
  kind: z.literal('web'),
  name: z.string().trim().min(1).max(200),
  /** Characters there are for each; the search and social titles are the headline's. */
  budgets: z.strictObject({
    headline: Lines,
    searchTitle: Lines.optional(),
    socialTitle: Lines.optional(),
    standfirst: Lines.optional(),
  }),
})
export type WebSlot = z.output<typeof WebSlotSchema>

export const SlotDefinitionSchema = z.discriminatedUnion('kind', [PrintSlotSchema, WebSlotSchema])
export type SlotDefinition = z.output<typeof SlotDefinitionSchema>

/** A slot with its id: its file's name without `.yaml`. */
export type Slot = SlotDefinition & { id: string }

export const SlotIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a slot id is lower-case words and hyphens')

export const POINTS_PER_MM = 72 / 25.4

/** A field's measure in points: its columns and the gutters between them. */
export const measurePt = (slot: PrintSlot, field: PrintField) =>
  (field.columns * slot.columnWidthMm + (field.columns - 1) * slot.gutterMm) * POINTS_PER_MM

import { z } from 'zod'

/** How one field fits its slot: lines (print) or characters (web) used of those there are. */
export const FieldFitSchema = z.object({
  field: z.enum(['Headline', 'Standfirst', 'Body', 'Search title', 'Social title']),
  unit: z.enum(['lines', 'characters']),
  used: z.number().int().nonnegative(),
  available: z.number().int().positive(),
})
export type FieldFit = z.infer<typeof FieldFitSchema>

export const CopyfitReportSchema = z.object({
  slotId: z.string(),
  slotName: z.string(),
  fields: z.array(FieldFitSchema),
  /** Body paragraphs (counted from 0, empty ones left out) whose last line is a widow. */
  widows: z.array(z.number().int().nonnegative()),
  /** Where the body goes over: the paragraph and the line in it of the first line over. */
  bodyOver: z
    .object({ paragraph: z.number().int().nonnegative(), line: z.number().int().nonnegative() })
    .optional(),
})
export type CopyfitReport = z.infer<typeof CopyfitReportSchema>

export const overBy = (fit: FieldFit) => Math.max(0, fit.used - fit.available)

/** "Body: 84 of 80 lines: 4 over". */
export function describeFit(fit: FieldFit): string {
  const over = overBy(fit)
  return `${fit.field}: ${fit.used} of ${fit.available} ${fit.unit}${over ? `: ${over} over` : ''}`
}

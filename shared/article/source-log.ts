import { z } from 'zod'
import { boundedText, MAX_PASSAGE_LENGTH } from '../validation/bounded'

/**
 * The story's source and quote log: who the reporter spoke to, how, and for each quote in the
 * text who said it, where the record of it is, and whether the desk has checked it. Like comments,
 * it never leaves in an export; it travels with the story's own file, and to the desk server.
 */

const IsoDateTime = z.iso.datetime({ offset: true })

/** How the reporter reached a source. */
export const SOURCE_CHANNELS = ['in person', 'phone', 'email', 'statement', 'document'] as const
export type SourceChannel = (typeof SOURCE_CHANNELS)[number]

export const SourceSchema = z.object({
  id: z.uuid(),
  name: boundedText().trim().min(1, 'a source needs a name'),
  /** Who they are, as the story may describe them: "harbourmaster", "a council spokeswoman". */
  role: boundedText(),
  reached: z.enum(SOURCE_CHANNELS),
  /** Phone, email, where to find them again. */
  contact: boundedText(MAX_PASSAGE_LENGTH),
  notes: boundedText(MAX_PASSAGE_LENGTH),
  createdAt: IsoDateTime,
})
export type Source = z.infer<typeof SourceSchema>

/** Where the record of a quote is. */
export const QUOTE_RECORD_KINDS = ['recording', 'link', 'document', 'notes'] as const
export type QuoteRecordKind = (typeof QUOTE_RECORD_KINDS)[number]

export const QuoteLogEntrySchema = z.object({
  id: z.uuid(),
  /** The quoted words as the text has them (spaces collapsed): how the log finds the quote. */
  quote: boundedText(MAX_PASSAGE_LENGTH).min(1),
  sourceId: z.uuid().optional(),
  /** When it was said, as the reporter notes it: "4 Dec, 14:10". */
  saidAt: boundedText(),
  record: z
    .object({
      kind: z.enum(QUOTE_RECORD_KINDS),
      /** A recording's file in the story's folder, a link, a document's name. */
      where: boundedText(),
      /** Where in a recording: "12:40". */
      at: boundedText(),
    })
    .optional(),
  /** Ticked by the desk: who, and when. */
  checked: z.object({ by: z.string().max(200), at: IsoDateTime }).optional(),
  createdAt: IsoDateTime,
})
export type QuoteLogEntry = z.infer<typeof QuoteLogEntrySchema>

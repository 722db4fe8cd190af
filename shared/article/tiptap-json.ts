import { z } from 'zod'

/** A mark as TipTap serializes it: `{ type, attrs? }`. */
export const TiptapMarkSchema = z.object({
  type: z.string().min(1),
  attrs: z.record(z.string(), z.unknown()).optional(),
})

export interface TiptapNode {
  type: string
  attrs?: Record<string, unknown>
  content?: TiptapNode[]
  marks?: z.infer<typeof TiptapMarkSchema>[]
  text?: string
}

/**
 * The generic shape of TipTap's JSON. Whether the node types and their nesting are allowed is a
 * separate check against the editor schema (`shared/editor/validate-body`).
 */
export const TiptapNodeSchema: z.ZodType<TiptapNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(TiptapNodeSchema).optional(),
    marks: z.array(TiptapMarkSchema).optional(),
    text: z.string().optional(),
  }),
)

export const TiptapDocSchema = TiptapNodeSchema.refine((node) => node.type === 'doc', {
  message: 'the body must be a TipTap document (type "doc")',
})

export const emptyDoc = (): TiptapNode => ({ type: 'doc', content: [{ type: 'paragraph' }] })

import { z } from 'zod'
import type { ValidBlockMemory } from '../editor/validate-body'
import { ArticleFieldsSchema, parsedArticleBodySchema } from './schema'

/**
 * A body sent as JSON text. The page builds that text from what it kept for every unchanged
 * block, instead of serializing the whole story on each save, and a string crosses Electron's
 * IPC or the browser host's worker without being copied node by node. Parsed here, then checked
 * as any body.
 */
export const bodyJsonSchema = (memory: ValidBlockMemory) =>
  z
    .string()
    .transform((text, context): unknown => {
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch (error) {
        context.addIssue({
          code: 'custom',
          message: `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        })
        return z.NEVER
      }
      memory.sentAs(body, text)
      return body
    })
    .pipe(parsedArticleBodySchema(memory))

/** The article's fields as the editor sends them to be saved or journaled. */
export const editedFieldsSchema = (memory: ValidBlockMemory) =>
  ArticleFieldsSchema.extend({ body: bodyJsonSchema(memory) })
export type EditedFields = z.input<ReturnType<typeof editedFieldsSchema>>

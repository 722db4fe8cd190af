import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { countText, type TextCounts } from '../article/counts'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodySchema as bodySchema } from '../editor/schemas'

/**
 * The text the editor's Counts panel counts (renderer/src/editor/BodyEditor.tsx): ProseMirror's
 * own reading of the document, blocks on lines of their own and a space for each break or rule.
 * Captions are in it, as readers read them too.
 */
export const countedText = (doc: ProseMirrorNode): string =>
  doc.textBetween(0, doc.content.size, '\n', ' ')

/**
 * The body's words and characters as the Counts panel gives them: the same count of the same
 * text, so a number in an export never disagrees with the one the desk saw while editing.
 */
export function bodyCounts(body: TiptapNode): TextCounts {
  return countText(countedText(bodySchema().nodeFromJSON(body)))
}

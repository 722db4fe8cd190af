import type { Editor } from '@tiptap/core'
import type { ImportedImage } from '../../../shared/assets/image-policy'
import type { Result } from '../../../shared/result'
import { client } from '../api/client'

/** Sends image files to main, one at a time; stops at the first refusal, which is reported. */
export async function importImageFiles(
  articleId: string,
  files: File[],
): Promise<Result<ImportedImage[]>> {
  const imported: ImportedImage[] = []
  for (const file of files) {
    const result = await client.invoke('asset:import', {
      articleId,
      fileName: file.name || 'pasted image',
      bytes: new Uint8Array(await file.arrayBuffer()),
    })
    if (!result.ok) return result
    imported.push(result.value)
  }
  return { ok: true, value: imported }
}

/**
 * Inserts one figure per image at `position`, else at the cursor or after the selection (kept
 * selected), caption, credit and rights pre-filled from the picture's own metadata.
 */
export function insertFigures(editor: Editor, images: ImportedImage[], position?: number): void {
  if (images.length === 0) return
  const figures = images.map(({ src, caption, credit, creator, copyright, source }) => ({
    src,
    alt: '',
    credit,
    creator,
    copyright,
    source,
    lead: false,
    caption,
  }))
  editor.chain().focus().insertFigures(figures, position).run()
}

export const imageFilesOf = (list: FileList | null | undefined): File[] =>
  Array.from(list ?? []).filter(
    (file) => file.type.startsWith('image/') || /\.(jpe?g|png|webp|gif)$/i.test(file.name),
  )

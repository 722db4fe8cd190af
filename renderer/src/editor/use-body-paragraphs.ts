import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { useEffect, useMemo, useState } from 'react'
import { useFieldEditors } from '../stores/field-editors'

/** Panels that read the whole body follow it once typing pauses this long. */
const PARAGRAPHS_DELAY_MS = 400

/** The body's paragraphs as a reader sees them: no figure's caption, no suggested deletion. */
function paragraphsOf(doc: ProseMirrorNode): string[] {
  const paragraphs: string[] = []
  doc.descendants((node) => {
    if (node.type.name === 'figure') return false
    if (!node.isTextblock) return true
    let text = ''
    node.forEach((child) => {
      if (child.isText && !child.marks.some((mark) => mark.type.name === 'deletion'))
        text += child.text ?? ''
    })
    paragraphs.push(text)
    return false
  })
  return paragraphs
}

/**
 * The open story's body paragraphs, read again whenever typing pauses (here, or in a shared
 * story anyone's): never on every key, which would slow typing in a long story.
 */
export function useBodyParagraphs(): string[] {
  const body = useFieldEditors((state) => state.editors.Body)
  const [pauses, setPauses] = useState(0)
  useEffect(() => {
    if (!body) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const later = () => {
      clearTimeout(timer)
      timer = setTimeout(() => setPauses((count) => count + 1), PARAGRAPHS_DELAY_MS)
    }
    body.on('update', later)
    return () => {
      clearTimeout(timer)
      body.off('update', later)
    }
  }, [body])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read again after each pause
  return useMemo(() => (body ? paragraphsOf(body.state.doc) : []), [body, pauses])
}

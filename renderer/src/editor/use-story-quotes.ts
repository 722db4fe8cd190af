import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { useEffect, useMemo, useState } from 'react'
import { findQuotes, type FoundQuote } from '../../../shared/quotes/find-quotes'
import { useEditorStore } from '../stores/editor-store'
import { useFieldEditors } from '../stores/field-editors'
import { useSettings } from '../stores/settings-store'

/** Quotes follow the text once typing pauses this long. */
const QUOTES_DELAY_MS = 400

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

/** The quotes in the open story as it stands, found again whenever typing pauses. */
export function useStoryQuotes(): FoundQuote[] {
  const body = useFieldEditors((state) => state.editors.Body)
  const headline = useEditorStore((state) => state.form?.headline ?? '')
  const standfirst = useEditorStore((state) => state.form?.standfirst ?? '')
  const language = useSettings((state) => state.settings?.language ?? 'en')
  // Bumped once typing pauses: the paragraphs are read again then, and only then.
  const [pauses, setPauses] = useState(0)
  useEffect(() => {
    if (!body) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // The body changes with every key, here or (in a shared story) anyone's.
    const later = () => {
      clearTimeout(timer)
      timer = setTimeout(() => setPauses((count) => count + 1), QUOTES_DELAY_MS)
    }
    body.on('update', later)
    return () => {
      clearTimeout(timer)
      body.off('update', later)
    }
  }, [body])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read again after each pause
  const paragraphs = useMemo(() => (body ? paragraphsOf(body.state.doc) : []), [body, pauses])
  return useMemo(
    () => findQuotes({ headline, standfirst, paragraphs }, language),
    [headline, standfirst, paragraphs, language],
  )
}

import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect } from 'react'
import type { TiptapNode } from '../../../shared/article'
import { articleBodyExtensions } from '../../../shared/editor'
import { useEditorStore } from '../stores/editor-store'

/** The rich-text body: the shared article schema, edited with TipTap. */
export function BodyEditor({ initialBody }: { initialBody: TiptapNode }) {
  const bodyEdited = useEditorStore((state) => state.bodyEdited)
  const setBodySource = useEditorStore((state) => state.setBodySource)
  const editor = useEditor({
    extensions: articleBodyExtensions(),
    content: initialBody,
    editorProps: {
      attributes: {
        'aria-label': 'Body',
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'body-editor',
      },
    },
    onUpdate: () => bodyEdited(),
  })

  useEffect(() => {
    setBodySource(() => editor.getJSON() as TiptapNode)
    return () => setBodySource(undefined)
  }, [editor, setBodySource])

  return <EditorContent editor={editor} className="body" />
}

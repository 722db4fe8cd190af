import type { Editor } from '@tiptap/core'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import { useEditorState } from '@tiptap/react'
import { useRef, useState, type FormEvent } from 'react'
import { useCommand } from '../commands/command-registry'
import { useCommentStore } from '../stores/comment-store'

interface Props {
  editor: Editor
  onInsertImage: () => void
}

/** Formatting for the body. Toggles report their state with aria-pressed. */
export function BodyToolbar({ editor, onInsertImage }: Props) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      link: current.isActive('link'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      pullQuote: current.isActive('pullQuote'),
      table: current.isActive('table'),
      // What `can().undo()` answers, read straight from the history: `can()` builds a wrapper for
      // every command there is, and this runs on every keystroke.
      canUndo: undoDepth(current.state) > 0,
      canRedo: redoDepth(current.state) > 0,
      emptySelection: current.state.selection.empty,
    }),
  })
  const [linkOpen, setLinkOpen] = useState(false)
  const [href, setHref] = useState('')
  const linkInput = useRef<HTMLInputElement>(null)
  const currentHref = () => (editor.getAttributes('link').href as string | undefined) ?? ''

  // Ctrl/⌘+K (and the menu) opens the same form as the Link button, for the body only: pressed
  // in the headline or the search box it has no text of the body to link.
  useCommand('edit:link', () => {
    if (!editor.isFocused) return
    setHref(currentHref())
    setLinkOpen(true)
    // An open form's autoFocus has had its turn: the address is focused again here.
    linkInput.current?.focus()
  })

  // The name is the label; a short visible sign ("H2") is for the eye only, so what is seen
  // and what is announced never disagree.
  const toggle = (label: string, pressed: boolean, run: () => void, text = label) => (
    <button type="button" aria-pressed={pressed} title={label} onClick={run}>
      {text === label ? (
        label
      ) : (
        <>
          <span aria-hidden="true">{text}</span>
          <span className="visually-hidden">{label}</span>
        </>
      )}
    </button>
  )
  const chain = () => editor.chain().focus()

  const applyLink = (event: FormEvent) => {
    event.preventDefault()
    const value = href.trim()
    if (value)
      chain()
        .extendMarkRange('link')
        .setLink({ href: /^[a-z]+:/i.test(value) ? value : `https://${value}` })
        .run()
    else chain().extendMarkRange('link').unsetLink().run()
    setLinkOpen(false)
  }

  return (
    <div className="body-toolbar" role="toolbar" aria-label="Body formatting">
      {toggle('Bold', active.bold, () => chain().toggleBold().run(), 'B')}
      {toggle('Italic', active.italic, () => chain().toggleItalic().run(), 'I')}
      {toggle('Link', active.link, () => {
        setHref(currentHref())
        setLinkOpen((open) => !open)
      })}
      {toggle('Subheading', active.h2, () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
      {toggle('Minor subheading', active.h3, () => chain().toggleHeading({ level: 3 }).run(), 'H3')}
      {toggle('Bulleted list', active.bulletList, () => chain().toggleBulletList().run(), '• List')}
      {toggle(
        'Numbered list',
        active.orderedList,
        () => chain().toggleOrderedList().run(),
        '1. List',
      )}
      {toggle('Quote', active.blockquote, () => chain().toggleBlockquote().run())}
      {toggle('Pull quote', active.pullQuote, () => chain().togglePullQuote().run())}
      <button type="button" onClick={() => chain().setHorizontalRule().run()}>
        Horizontal rule
      </button>
      <button type="button" onClick={onInsertImage}>
        Insert image
      </button>
      {active.table ? (
        <>
          <button type="button" onClick={() => chain().addRowAfter().run()}>
            Add row
          </button>
          <button type="button" onClick={() => chain().addColumnAfter().run()}>
            Add column
          </button>
          <button type="button" onClick={() => chain().deleteRow().run()}>
            Delete row
          </button>
          <button type="button" onClick={() => chain().deleteTable().run()}>
            Delete table
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          Insert table
        </button>
      )}
      <button
        type="button"
        onClick={() => useCommentStore.getState().start()}
        disabled={active.emptySelection}
      >
        Add comment
      </button>
      <button type="button" onClick={() => chain().undo().run()} disabled={!active.canUndo}>
        Undo
      </button>
      <button type="button" onClick={() => chain().redo().run()} disabled={!active.canRedo}>
        Redo
      </button>
      {linkOpen && (
        <form className="link-form" onSubmit={applyLink}>
          <input
            ref={linkInput}
            aria-label="Link address"
            value={href}
            onChange={(event) => setHref(event.target.value)}
            placeholder="https://"
            autoFocus
          />
          <button type="submit">Apply link</button>
        </form>
      )}
    </div>
  )
}

import type { Editor } from '@tiptap/core'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import { useEditorState } from '@tiptap/react'
import { useRef, useState, type FormEvent } from 'react'
import { useCommand } from '../commands/command-registry'
import { COMMANDS } from '../../../shared/commands/commands'
import { useCommentStore } from '../stores/comment-store'
import { ToolButton, ToolGroup } from '../components/icons/ToolButton'

interface Props {
  editor: Editor
  onInsertImage: () => void
}

/**
 * Formatting for the body: one row of icon buttons in named groups, each button named as before
 * (the tooltip adds its shortcut). Toggles report their state with aria-pressed.
 */
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

  const table = active.table
  return (
    <div className="body-toolbar" role="toolbar" aria-label="Body formatting">
      <ToolGroup label="Text">
        <ToolButton
          label="Bold"
          icon="bold"
          keys="CmdOrCtrl+B"
          pressed={active.bold}
          onClick={() => chain().toggleBold().run()}
        />
        <ToolButton
          label="Italic"
          icon="italic"
          keys="CmdOrCtrl+I"
          pressed={active.italic}
          onClick={() => chain().toggleItalic().run()}
        />
        <ToolButton
          label="Link"
          icon="link"
          keys={COMMANDS['edit:link'].accelerator}
          pressed={active.link}
          onClick={() => {
            setHref(currentHref())
            setLinkOpen((open) => !open)
          }}
        />
      </ToolGroup>
      <ToolGroup label="Paragraph style">
        <ToolButton
          label="Subheading"
          icon="heading2"
          keys="CmdOrCtrl+Alt+2"
          pressed={active.h2}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        />
        <ToolButton
          label="Minor subheading"
          icon="heading3"
          keys="CmdOrCtrl+Alt+3"
          pressed={active.h3}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        />
        <ToolButton
          label="Bulleted list"
          icon="bulletList"
          keys="CmdOrCtrl+Shift+8"
          pressed={active.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        />
        <ToolButton
          label="Numbered list"
          icon="orderedList"
          keys="CmdOrCtrl+Shift+7"
          pressed={active.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        />
        <ToolButton
          label="Quote"
          icon="quote"
          keys="CmdOrCtrl+Shift+B"
          pressed={active.blockquote}
          onClick={() => chain().toggleBlockquote().run()}
        />
        <ToolButton
          label="Pull quote"
          icon="pullQuote"
          pressed={active.pullQuote}
          onClick={() => chain().togglePullQuote().run()}
        />
      </ToolGroup>
      <ToolGroup label="Insert">
        <ToolButton
          label="Horizontal rule"
          icon="rule"
          onClick={() => chain().setHorizontalRule().run()}
        />
        <ToolButton label="Insert image" icon="image" onClick={onInsertImage} />
        {!table && (
          <ToolButton
            label="Insert table"
            icon="table"
            onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          />
        )}
      </ToolGroup>
      {table && (
        <ToolGroup label="Table">
          <ToolButton label="Add row" icon="addRow" onClick={() => chain().addRowAfter().run()} />
          <ToolButton
            label="Add column"
            icon="addColumn"
            onClick={() => chain().addColumnAfter().run()}
          />
          <ToolButton
            label="Delete row"
            icon="deleteRow"
            onClick={() => chain().deleteRow().run()}
          />
          <ToolButton
            label="Delete table"
            icon="deleteTable"
            onClick={() => chain().deleteTable().run()}
          />
        </ToolGroup>
      )}
      <ToolGroup label="Review">
        <ToolButton
          label="Add comment"
          icon="comment"
          hint={active.emptySelection ? 'select words in the body first' : undefined}
          onClick={() => useCommentStore.getState().start()}
          disabled={active.emptySelection}
        />
      </ToolGroup>
      <ToolGroup label="History">
        <ToolButton
          label="Undo"
          icon="undo"
          keys="CmdOrCtrl+Z"
          onClick={() => chain().undo().run()}
          disabled={!active.canUndo}
        />
        <ToolButton
          label="Redo"
          icon="redo"
          keys="CmdOrCtrl+Shift+Z"
          onClick={() => chain().redo().run()}
          disabled={!active.canRedo}
        />
      </ToolGroup>
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

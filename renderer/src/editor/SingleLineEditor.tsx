import { FindReplace } from './find-replace'
import Collaboration from '@tiptap/extension-collaboration'
import Typography from '@tiptap/extension-typography'
import { STORY_PARTS } from '../../../shared/desk/story-document'
import type { SharedStory } from '../stores/shared-story'
import { sharedCarets } from './shared-carets'
import { Placeholder, UndoRedo } from '@tiptap/extensions'
import { Extension } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useId } from 'react'
import { baseTextOf, checkLimit, type TrackedLine } from '../../../shared/article'
import { singleLineExtensions } from '../../../shared/editor/schemas'
import { useFieldEditors } from '../stores/field-editors'
import { HouseStyle } from './house-style'
import { pasteCopiedPage } from './copied-page-paste'
import { STORY_CORE_EXTENSIONS } from './core-extensions'
import { SuggestionAtCursor } from './SuggestionAtCursor'
import { suggestChangesForField } from './suggest-changes-for-field'
import { focusNextStoryField, STORY_FIELD_ATTRIBUTE } from './story-fields'

const EnterMovesOn = Extension.create({
  name: 'enterMovesOn',
  addKeyboardShortcuts() {
    const next = () => {
      focusNextStoryField(this.editor.view.dom)
      return true
    }
    return { Enter: next, 'Shift-Enter': next, 'Mod-Enter': next }
  },
})

const toDoc = (text: string, tracked: TrackedLine | undefined) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: tracked ?? (text ? [{ type: 'text', text }] : []) }],
})

interface Props {
  label: 'Headline' | 'Standfirst'
  value: string
  /** The field's text with its pending suggestions, when it has any. */
  tracked?: TrackedLine
  /** The text without pending insertions, and the suggestions (undefined once none are left). */
  onChange: (text: string, tracked: TrackedLine | undefined) => void
  placeholder?: string
  /** Characters allowed before the field is flagged; going over is shown, never blocked. */
  limit?: number
  className?: string
  /** A shared story's document: the field is edited in it, live with everyone else in the story. */
  shared?: SharedStory
}

/**
 * A one-line TipTap field (headline, standfirst): its own undo history, smart quotes and dashes,
 * Enter moves to the next field, and pasted line breaks become spaces.
 */
export function SingleLineEditor({
  label,
  value,
  tracked,
  onChange,
  placeholder,
  limit,
  className,
  shared,
}: Props) {
  const countId = useId()
  const editor = useEditor({
    enableCoreExtensions: STORY_CORE_EXTENSIONS,
    extensions: [
      HouseStyle.configure({ field: label }),
      ...singleLineExtensions(),
      // A shared field's undo comes with Collaboration, and undoes only this person's edits.
      ...(shared
        ? [
            Collaboration.configure({
              document: shared.doc,
              field: label === 'Headline' ? STORY_PARTS.headline : STORY_PARTS.standfirst,
            }),
            sharedCarets(shared.awareness),
          ]
        : [UndoRedo]),
      FindReplace,
      Typography,
      EnterMovesOn,
      Placeholder.configure({ placeholder }),
      suggestChangesForField(),
    ],
    content: shared ? undefined : toDoc(value, tracked),
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-label': label,
        'aria-multiline': 'false',
        ...(limit !== undefined && { 'aria-describedby': countId }),
        class: 'single-line',
        [STORY_FIELD_ATTRIBUTE]: '',
      },
      handlePaste: (view, event) => {
        if (pasteCopiedPage(event.clipboardData)) return true
        const text = event.clipboardData?.getData('text/plain')
        if (text === undefined || text === '') return false
        view.dispatch(view.state.tr.insertText(text.replace(/\s*[\r\n]+\s*/g, ' ')))
        return true
      },
    },
    onUpdate: ({ editor: current }) => {
      const line = (current.getJSON().content?.[0]?.content ?? []) as TrackedLine
      const hasSuggestions = line.some((node) => node.marks?.length)
      onChange(
        hasSuggestions ? baseTextOf(line) : current.getText(),
        hasSuggestions ? line : undefined,
      )
    },
  })

  const register = useFieldEditors((state) => state.register)
  useEffect(() => {
    register(label, editor)
    return () => register(label, undefined)
  }, [editor, label, register])

  const check = limit === undefined ? undefined : checkLimit(value, limit)
  return (
    <div className={`field ${className ?? ''}`}>
      <span className="field-label" aria-hidden="true">
        {label}
      </span>
      <EditorContent editor={editor} />
      <SuggestionAtCursor editor={editor} />
      {check && (
        <span id={countId} className={check.over ? 'limit over' : 'limit'}>
          {check.over
            ? `${check.count}/${check.limit} characters: ${check.over} over the limit`
            : `${check.count}/${check.limit} characters`}
        </span>
      )}
    </div>
  )
}

import type { Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { useEditorState } from '@tiptap/react'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { SUGGESTION_MARK_NAMES } from '../../../shared/editor/suggestion-marks'
import { formatPeopleTime } from '../../../shared/format/people-time'
import { Icon } from '../components/icons/icons'
import { suggestionRecord } from '../stores/suggestion-store'
import { useSuggestionSlot } from './suggestion-slot'

type Kind = 'insertion' | 'deletion' | 'replacement' | 'modification'

const KIND_LABELS: Record<Kind, string> = {
  insertion: 'Insertion',
  deletion: 'Deletion',
  replacement: 'Replacement',
  modification: 'Change',
}

/** The suggestion at the cursor: what kind it is, and every id accepting it must resolve. */
export interface CursorSuggestion {
  kind: Kind
  /** The suggestion the cursor is in first; its author and time are shown. */
  id: string
  ids: string[]
}

/** A stretch of a text block under one suggestion mark, by offset in the block. */
interface Run {
  from: number
  to: number
  kind: string
  id: string
}

function suggestionRuns(block: ProseMirrorNode): Run[] {
  const runs: Run[] = []
  block.forEach((child, offset) => {
    const mark = child.marks.find((candidate) =>
      (SUGGESTION_MARK_NAMES as readonly string[]).includes(candidate.type.name),
    )
    if (!mark) return
    const kind = mark.type.name
    const id = String(mark.attrs.id)
    const last = runs.at(-1)
    if (last && last.to === offset && last.kind === kind && last.id === id)
      last.to = offset + child.nodeSize
    else runs.push({ from: offset, to: offset + child.nodeSize, kind, id })
  })
  return runs
}

const authorOf = (id: string) => suggestionRecord(id)?.author

/**
 * The suggestion the cursor is in, if any. Text typed over a selection is a deletion and an
 * insertion side by side, of one id (or, typed in two goes, of one author): a replacement,
 * accepted or rejected as one. Only the cursor's own block is read: this runs on every keystroke.
 */
export function suggestionAtCursor(editor: Editor): CursorSuggestion | undefined {
  const { $from } = editor.state.selection
  const offset = $from.parentOffset
  const runs = suggestionRuns($from.parent)
  // The suggestion after the cursor first, as the text the next keystroke would meet.
  const seed =
    runs.find((run) => run.from <= offset && offset < run.to) ??
    runs.find((run) => run.from < offset && offset <= run.to)
  if (!seed) return undefined
  if (seed.kind !== 'insertion' && seed.kind !== 'deletion')
    return { kind: 'modification', id: seed.id, ids: [seed.id] }
  const partner = seed.kind === 'insertion' ? 'deletion' : 'insertion'
  const sameChange = (run: Run) =>
    run.id === seed.id ||
    ((run.to === seed.from || run.from === seed.to) &&
      run.kind === partner &&
      authorOf(run.id) !== undefined &&
      authorOf(run.id) === authorOf(seed.id))
  const related = runs.filter(sameChange)
  const ids = [...new Set(related.map((run) => run.id))]
  const replacement = related.some((run) => run.kind === partner)
  return { kind: replacement ? 'replacement' : (seed.kind as Kind), id: seed.id, ids }
}

const sameSuggestion = (a?: CursorSuggestion | null, b?: CursorSuggestion | null) =>
  a?.kind === b?.kind && a?.id === b?.id && a?.ids.join() === b?.ids.join()

/** The field's text, once it is on the page. */
function textOf(editor: Editor): HTMLElement | undefined {
  if (editor.isDestroyed) return undefined
  try {
    return editor.view.dom
  } catch {
    // Not mounted yet: TipTap's stand-in view has no DOM to give.
    return undefined
  }
}

/**
 * Whether this field has the cursor: the focus is in its text or in its bar. Read once the focus
 * has settled, so moving from the text to the bar (Tab) does not hide the bar on the way.
 */
function useHasCursor(editor: Editor, bar: RefObject<HTMLElement | null>): boolean {
  const [hasCursor, setHasCursor] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        const active = document.activeElement
        const inText = !!active && !!textOf(editor)?.contains(active)
        setHasCursor(inText || (!!active && !!bar.current?.contains(active)))
      }, 0)
    }
    document.addEventListener('focusin', check)
    document.addEventListener('focusout', check)
    check()
    return () => {
      clearTimeout(timer)
      document.removeEventListener('focusin', check)
      document.removeEventListener('focusout', check)
    }
  }, [editor, bar])
  return hasCursor
}

/**
 * Accept or reject the suggestion the cursor is in. One bar at a time, for the field with the
 * cursor, shown in the story bar (never over the text); Tab from the text reaches it, and
 * acting on it (or Escape) returns to the text.
 */
export function SuggestionAtCursor({ editor }: { editor: Editor }) {
  const current = useEditorState({
    editor,
    selector: ({ editor: live }) => (live.isDestroyed ? undefined : suggestionAtCursor(live)),
    equalityFn: sameSuggestion,
  })
  const bar = useRef<HTMLDivElement>(null)
  const hasCursor = useHasCursor(editor, bar)
  const slot = useSuggestionSlot((state) => state.slot)
  const shown = hasCursor && current !== undefined

  // Tab from the text goes to the bar, as if it stood right after the text; keys the text
  // itself uses (Tab in a table or list) are left to it.
  useEffect(() => {
    const dom = shown ? textOf(editor) : undefined
    if (!dom) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey) return
      if (event.defaultPrevented) return
      const first = bar.current?.querySelector('button')
      if (!first) return
      event.preventDefault()
      first.focus()
    }
    dom.addEventListener('keydown', onKeyDown)
    return () => dom.removeEventListener('keydown', onKeyDown)
  }, [shown, editor])

  if (!shown) return null
  const record = suggestionRecord(current.id)
  const act = (accept: boolean) => () => {
    for (const id of current.ids) {
      if (accept) editor.commands.acceptSuggestion(id)
      else editor.commands.rejectSuggestion(id)
    }
    editor.commands.focus()
  }
  // A click keeps the cursor in the text, so the next suggestion can be reached from there.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault()
  const backToText = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    editor.commands.focus()
  }
  const content = (
    <div
      ref={bar}
      className="suggestion-at-cursor"
      role="group"
      aria-label="Suggestion at the cursor"
      onKeyDown={backToText}
    >
      <span className="suggestion-at-cursor-words">
        {KIND_LABELS[current.kind]} by {record?.author || 'unknown'}
        {record && <> · {formatPeopleTime(record.createdAt)}</>}
      </span>
      <button
        type="button"
        className="tool accept"
        onMouseDown={keepFocus}
        onClick={act(true)}
        aria-label="Accept this suggestion"
        title="Accept this suggestion"
      >
        <Icon name="accept" />
      </button>
      <button
        type="button"
        className="tool reject"
        onMouseDown={keepFocus}
        onClick={act(false)}
        aria-label="Reject this suggestion"
        title="Reject this suggestion"
      >
        <Icon name="reject" />
      </button>
    </div>
  )
  return slot ? createPortal(content, slot) : content
}

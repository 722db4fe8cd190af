import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { getSearchState } from 'prosemirror-search'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  matchesIn,
  queryOf,
  replaceAllIn,
  replaceSelectedIn,
  selectMatch,
  setQuery,
  type FindOptions,
} from '../editor/find-replace'
import { useFieldEditors, type FieldName } from '../stores/field-editors'

/** The story's fields in reading order: matches are counted and visited in this order. */
const FIELDS: FieldName[] = ['Headline', 'Standfirst', 'Body']

const SWITCHES = [
  ['caseSensitive', 'Match case'],
  ['wholeWord', 'Whole words'],
] as const

interface Match {
  field: FieldName
  from: number
  to: number
}

function allMatches(editors: Partial<Record<FieldName, Editor>>): Match[] {
  return FIELDS.flatMap((field) => {
    const editor = editors[field]
    return editor && !editor.isDestroyed
      ? matchesIn(editor).map((range) => ({ field, ...range }))
      : []
  })
}

/**
 * Find and replace across the story's fields (headline, standfirst, body with its captions):
 * matches highlighted as you type, counted, visited with Enter and Shift+Enter. Replace all
 * is one undo step in each field it changes. Suggest edits, when on, records replacements as
 * suggestions like any other edit.
 */
export function FindReplaceBar({ initial, onClose }: { initial: string; onClose: () => void }) {
  const editors = useFieldEditors((state) => state.editors)
  const [options, setOptions] = useState<FindOptions>({
    search: initial,
    replace: '',
    caseSensitive: false,
    wholeWord: false,
  })
  const [matches, setMatches] = useState<Match[]>([])
  const [current, setCurrent] = useState(0)
  const [replaced, setReplaced] = useState<number>()
  const findInput = useRef<HTMLInputElement>(null)

  const recount = useCallback(() => setMatches(allMatches(useFieldEditors.getState().editors)), [])
  // While typing, the count follows after a short pause rather than searching the whole story
  // on every keystroke.
  const typingPause = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(typingPause.current), [])

  // Matches change when the story changes or a new query reaches a field; not on every
  // cursor move, which would search a long story again for nothing.
  useEffect(() => {
    const live = FIELDS.flatMap((field) => editors[field] ?? [])
    const seen = new WeakMap<Editor, unknown>()
    const onTransaction = ({
      editor,
      transaction,
    }: {
      editor: Editor
      transaction: Transaction
    }) => {
      const query = getSearchState(editor.state)?.query
      if (seen.get(editor) !== query) {
        seen.set(editor, query)
        recount()
      } else if (transaction.docChanged) {
        clearTimeout(typingPause.current)
        typingPause.current = setTimeout(recount, 150)
      }
    }
    for (const editor of live) editor.on('transaction', onTransaction)
    return () => {
      for (const editor of live) editor.off('transaction', onTransaction)
    }
  }, [editors, recount])

  // The query lives in each field's editor, which highlights its own matches.
  useEffect(() => {
    const query = queryOf(options)
    for (const field of FIELDS) {
      const editor = editors[field]
      if (editor) setQuery(editor, query)
    }
  }, [options, editors])

  // Leaving clears the highlights.
  useEffect(
    () => () => {
      const cleared = queryOf({ search: '', replace: '', caseSensitive: false, wholeWord: false })
      for (const editor of Object.values(useFieldEditors.getState().editors)) {
        if (editor) setQuery(editor, cleared)
      }
    },
    [],
  )

  useEffect(() => findInput.current?.select(), [])

  const index = matches.length ? Math.min(current, matches.length - 1) : -1
  const go = (step: number) => {
    if (matches.length === 0) return
    const next = (index + step + matches.length) % matches.length
    setCurrent(next)
    const match = matches[next]
    const editor = match && editors[match.field]
    if (match && editor) selectMatch(editor, match)
  }

  const replaceOne = () => {
    const match = matches[index]
    const editor = match && editors[match.field]
    if (!match || !editor) return
    selectMatch(editor, match)
    if (replaceSelectedIn(editor)) setReplaced(1)
    recount()
  }

  const replaceEverywhere = () => {
    let count = 0
    for (const field of FIELDS) {
      const editor = editors[field]
      if (!editor) continue
      const found = matchesIn(editor).length
      if (found && replaceAllIn(editor)) count += found
    }
    setReplaced(count)
    recount()
  }

  const set = (patch: Partial<FindOptions>) => {
    setReplaced(undefined)
    setCurrent(0)
    setOptions((previous) => ({ ...previous, ...patch }))
  }

  const status =
    replaced !== undefined
      ? `Replaced ${replaced} ${replaced === 1 ? 'match' : 'matches'}`
      : !options.search
        ? 'Type to find'
        : matches.length === 0
          ? 'No matches'
          : `${index + 1} of ${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`

  return (
    <div
      role="search"
      aria-label="Find and replace"
      className="find-bar"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onClose()
        }
      }}
    >
      <input
        ref={findInput}
        aria-label="Find"
        placeholder="Find"
        value={options.search}
        onChange={(event) => set({ search: event.target.value })}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          go(event.shiftKey ? -1 : 1)
        }}
      />
      <input
        aria-label="Replace with"
        placeholder="Replace with"
        value={options.replace}
        onChange={(event) => set({ replace: event.target.value })}
      />
      {SWITCHES.map(([option, label]) => (
        <label key={option}>
          <input
            type="checkbox"
            checked={options[option]}
            onChange={(event) => set({ [option]: event.target.checked })}
          />
          {label}
        </label>
      ))}
      <span role="status" className="find-status">
        {status}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={matches.length === 0}>
        Previous match
      </button>
      <button type="button" onClick={() => go(1)} disabled={matches.length === 0}>
        Next match
      </button>
      <button type="button" onClick={replaceOne} disabled={matches.length === 0}>
        Replace
      </button>
      <button type="button" onClick={replaceEverywhere} disabled={matches.length === 0}>
        Replace all
      </button>
      <button type="button" onClick={onClose} aria-label="Close find and replace">
        Close
      </button>
    </div>
  )
}

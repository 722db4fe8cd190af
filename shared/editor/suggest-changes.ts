import { Extension } from '@tiptap/core'
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes'
import { authorColourIndex } from '../suggestions/author-colour'
import { SUGGESTION_MARK_NAMES } from './suggestion-marks'
import { trackedInsertion } from './tracked-insertion'
import { asMarkup, pressedKey } from './markup'

export interface SuggestionAuthorship {
  author: string
  createdAt: string
}

export interface SuggestChangesOptions {
  /** A fresh suggestion id; the caller records who is making the suggestion and when. */
  newSuggestionId: () => string
  /** Who made a suggestion, for its colour and tooltip. */
  authorship: (id: string) => SuggestionAuthorship | undefined
  /**
   * Whether a suggestion is the current person's. The library gives text typed against an
   * existing suggestion that suggestion's id; someone else's is given a fresh id instead.
   */
  isOwn: (id: string) => boolean
  /** Whether a field created now (another article opened) starts in Suggest edits. */
  startEnabled: () => boolean
}

interface SuggestModeState {
  enabled: boolean
  decorations: DecorationSet
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestChanges: {
      /** While on, edits are recorded as suggestions instead of being applied. */
      setSuggestMode: (enabled: boolean) => ReturnType
      acceptSuggestion: (id: string) => ReturnType
      rejectSuggestion: (id: string) => ReturnType
      acceptAllSuggestions: () => ReturnType
      rejectAllSuggestions: () => ReturnType
      /**
       * Proposes a new value for a node attribute (a figure's credit or alt text). Typing a word
       * keeps one suggestion whose previous value is the text before the first keystroke.
       */
      suggestNodeAttribute: (position: number, name: string, value: unknown) => ReturnType
    }
  }
}

const SKIP_TRACKING = { skip: true }

/** Marks a transaction that changes no words (a comment anchor) as never a suggestion. */
export function notASuggestion(tr: Transaction): Transaction {
  return tr.setMeta(suggestChangesKey, SKIP_TRACKING)
}

export function isSuggestMode(state: EditorState): boolean {
  return (suggestChangesKey.getState(state) as SuggestModeState | undefined)?.enabled ?? false
}

function suggestionMarkOf(node: ProseMirrorNode): Mark | undefined {
  return node.marks.find((mark) =>
    (SUGGESTION_MARK_NAMES as readonly string[]).includes(mark.type.name),
  )
}

export function hasSuggestions(doc: ProseMirrorNode): boolean {
  let found = false
  doc.descendants((node) => {
    if (found) return false
    if (suggestionMarkOf(node)) found = true
    return !found
  })
  return found
}

/**
 * Suggest edits for TipTap, on @handlewithcare/prosemirror-suggest-changes: its step tracking
 * turns each edit into insertion, deletion and modification marks. This extension adds what a
 * desk needs around it: authors' colours, per-suggestion accept and reject that leave other
 * suggestions alone, and attribute edits that keep their original value while a word is typed.
 */
export const SuggestChanges = Extension.create<SuggestChangesOptions>({
  name: 'suggestChanges',

  addOptions() {
    return {
      newSuggestionId: () => crypto.randomUUID(),
      authorship: () => undefined,
      isOwn: () => true,
      startEnabled: () => false,
    }
  },

  dispatchTransaction({ transaction, next }) {
    const { state } = this.editor
    const tracked =
      isSuggestMode(state) &&
      transaction.docChanged &&
      !transaction.getMeta('history$') &&
      // A shared story's changes from other people, and undo of one's own, arrive through Yjs:
      // they are already what their authors made of them, suggestions included.
      !transaction.getMeta(ySyncPluginKey) &&
      !('skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {}))
    if (!tracked) return next(transaction)
    const { newSuggestionId, isOwn } = this.options
    const pasted = transaction.getMeta('paste') === true
    // The library marks a paste a step per pasted block, each rebuilding the top of the
    // document: a plain pasted insertion is marked in a few steps instead, to the same effect.
    const suggestion =
      (pasted && trackedInsertion(transaction, state, newSuggestionId)) ||
      transformToSuggestionTransaction(transaction, state, newSuggestionId)
    // TipTap's autolink replays every step of a transaction against the document to find what
    // changed (1.4 s of a 1 MB paste tracked by the library). It links URLs as they are typed; a
    // paste brings its own links, and the link extension's paste rules do the rest.
    if (pasted) suggestion.setMeta('preventAutolink', true)
    next(claimForAuthor(suggestion, isOwn, newSuggestionId))
  },

  addCommands() {
    return {
      setSuggestMode:
        (enabled) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestChangesKey, { ...SKIP_TRACKING, enabled })
          return true
        },
      acceptSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          resolveSuggestion(id, true, state, dispatch),
      rejectSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          resolveSuggestion(id, false, state, dispatch),
      acceptAllSuggestions:
        () =>
        ({ state, dispatch }) =>
          applySuggestions(state, dispatch),
      rejectAllSuggestions:
        () =>
        ({ state, tr, dispatch }) => {
          if (dispatch) rejoinSplitBlocks(tr)
          return revertSuggestions(state, dispatch)
        },
      suggestNodeAttribute:
        (position, name, value) =>
        ({ tr, dispatch }) => {
          const node = tr.doc.nodeAt(position)
          const modification = tr.doc.type.schema.marks.modification
          if (!node || !modification) return false
          if (!dispatch) return true
          const earlier = node.marks.find(
            (mark) =>
              mark.type === modification &&
              mark.attrs.type === 'attr' &&
              mark.attrs.attrName === name,
          )
          const previousValue: unknown = earlier ? earlier.attrs.previousValue : node.attrs[name]
          let marks = earlier ? earlier.removeFromSet(node.marks) : node.marks
          if (value !== previousValue) {
            marks = modification
              .create({
                id: earlier?.attrs.id ?? this.options.newSuggestionId(),
                type: 'attr',
                attrName: name,
                previousValue,
                newValue: value,
              })
              .addToSet(marks)
          }
          tr.setNodeMarkup(position, null, { ...node.attrs, [name]: value }, marks)
          tr.setMeta(suggestChangesKey, SKIP_TRACKING)
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    const { authorship, startEnabled } = this.options
    return [
      new Plugin<SuggestModeState>({
        // The library's commands find the mode under its own key.
        key: suggestChangesKey,
        state: {
          init: (_config, state) => ({
            enabled: startEnabled(),
            decorations: DecorationSet.create(
              state.doc,
              suggestionDecorations(state.doc, authorship, 0, state.doc.content.size),
            ),
          }),
          apply: (tr, previous) => {
            const meta = tr.getMeta(suggestChangesKey) as { enabled?: boolean } | undefined
            const enabled = meta?.enabled ?? previous.enabled
            // A story without suggestions, edited with the mode off, costs nothing here.
            const stale = tr.docChanged && (enabled || previous.decorations !== DecorationSet.empty)
            if (!stale) return { enabled, decorations: previous.decorations }
            // Only the blocks the transaction touched are looked at again: a keystroke in a
            // 50,000-word story must not walk the whole story.
            const mapped = previous.decorations.map(tr.mapping, tr.doc)
            const touched = touchedSpan(tr)
            if (!touched) return { enabled, decorations: mapped }
            const { from, to } = withNeighbourBlocks(tr.doc, touched.from, touched.to)
            const decorations = mapped
              .remove(mapped.find(from, to))
              .add(tr.doc, suggestionDecorations(tr.doc, authorship, from, to))
            return { enabled, decorations }
          },
        },
        props: {
          decorations: (state) =>
            (suggestChangesKey.getState(state) as SuggestModeState | undefined)?.decorations,
          handleKeyDown: (view, event) =>
            skipZeroWidthAnchor(view.state, pressedKey(event), view.dispatch),
        },
      }),
    ]
  },
})

type SuggestionCommand = (
  id: string,
) => (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean

/**
 * Accepts or rejects one suggestion. The library's per-suggestion commands also accept or revert
 * every other attribute change in the document, and its revert skips a suggestion that is only
 * an attribute change; so modification marks are handled here and set aside while the library
 * deals with the insertions and deletions, then put back exactly as they were.
 */
function resolveSuggestion(
  id: string,
  accept: boolean,
  state: EditorState,
  dispatch: ((tr: Transaction) => void) | undefined,
): boolean {
  const { tr } = state
  const command: SuggestionCommand = accept ? applySuggestion : revertSuggestion
  const modification = state.schema.marks.modification
  const setAside: { position: number; mark: Mark }[] = []
  let ownModifications = 0
  tr.doc.descendants((node, position) => {
    for (const mark of node.marks) {
      if (mark.type !== modification) continue
      if (mark.attrs.id === id) ownModifications++
      else setAside.push({ position, mark })
    }
  })
  if (!dispatch) return ownModifications > 0 || command(id)(state)
  for (const { position, mark } of setAside) tr.removeNodeMark(position, mark)
  if (!accept) rejoinSplitBlocks(tr, id)
  tr.doc.descendants((node, position) => {
    const own = node.marks.filter((mark) => mark.type === modification && mark.attrs.id === id)
    for (const mark of own) {
      tr.removeNodeMark(position, mark)
      if (!accept) restoreModified(tr, position, mark)
    }
  })
  const mappingStart = tr.steps.length
  const applied = command(id)(state, () => undefined) || ownModifications > 0
  const mapping = tr.mapping.slice(mappingStart)
  for (const { position, mark } of setAside) {
    const mapped = mapping.mapResult(position, 1)
    if (!mapped.deleted && tr.doc.nodeAt(mapped.pos)) tr.addNodeMark(mapped.pos, mark)
  }
  tr.setMeta(suggestChangesKey, SKIP_TRACKING)
  return applied
}

/** Puts back what a modification mark changed: an attribute's value or the block's type. */
function restoreModified(tr: Transaction, position: number, mark: Mark): void {
  const { type, attrName, previousValue } = mark.attrs as Record<string, unknown>
  if (type === 'attr' && typeof attrName === 'string') {
    tr.setNodeAttribute(position, attrName, previousValue)
  } else if (type === 'nodeType' && typeof previousValue === 'string') {
    const previousType = tr.doc.type.schema.nodes[previousValue]
    if (previousType) tr.setNodeMarkup(position, previousType)
  }
}

/**
 * Gives the text this transaction inserted or marked for deletion an id of the current
 * person's where the library joined it to someone else's suggestion next to it.
 */
function claimForAuthor(
  tr: Transaction,
  isOwn: (id: string) => boolean,
  newId: () => string,
): Transaction {
  const { insertion, deletion } = tr.doc.type.schema.marks
  if (!insertion || !deletion) return tr
  const touched = touchedRanges(tr)
  let claimed: string | undefined
  for (const { from, to } of touched) {
    tr.doc.nodesBetween(from, to, (node, position) => {
      if (!node.isText) return true
      for (const mark of node.marks) {
        if (mark.type !== insertion && mark.type !== deletion) continue
        if (isOwn(String(mark.attrs.id))) continue
        claimed ??= newId()
        const start = Math.max(from, position)
        const end = Math.min(to, position + node.nodeSize)
        tr.removeMark(start, end, mark)
        tr.addMark(start, end, mark.type.create({ id: claimed }))
      }
      return false
    })
  }
  return tr
}

/**
 * A pasted run of paragraphs splits the paragraph it lands in, and the library marks the split
 * with a zero-width anchor at each side. Its revert removes the pasted blocks but leaves the
 * split; deleting from the first anchor to the second in one step removes them and joins the
 * paragraph back together.
 */
function rejoinSplitBlocks(tr: Transaction, id?: string): void {
  const insertion = tr.doc.type.schema.marks.insertion
  if (!insertion) return
  const anchors: { from: number; to: number; id: unknown; atStart: boolean }[] = []
  tr.doc.descendants((node, position, parent, index) => {
    if (!node.isText || !node.text?.includes('\u200B')) return true
    const mark = insertion.isInSet(node.marks)
    if (!mark || (id !== undefined && mark.attrs.id !== id)) return true
    const atStart = index === 0
    const atEnd = parent !== null && index === parent.childCount - 1
    if (atStart || atEnd) {
      anchors.push({ from: position, to: position + node.nodeSize, id: mark.attrs.id, atStart })
    }
    return true
  })
  const ranges: { from: number; to: number }[] = []
  anchors.forEach((first, index) => {
    const second = anchors[index + 1]
    if (!second || first.atStart || !second.atStart || first.id !== second.id) return
    if (blocksBetween(tr.doc, first.to, second.from)) {
      ranges.push({ from: first.from, to: second.to })
    }
  })
  for (const { from, to } of ranges.reverse()) tr.delete(from, to)
}

/** Whether a whole block lies between the block holding `from` and the one holding `to`. */
function blocksBetween(doc: ProseMirrorNode, from: number, to: number): boolean {
  const after = doc.resolve(from).after()
  const before = doc.resolve(to).before()
  let found = false
  doc.nodesBetween(after, before, (node, position) => {
    if (found) return false
    if (
      (node.isTextblock || node.isAtom) &&
      position >= after &&
      position + node.nodeSize <= before
    ) {
      found = true
    }
    return !found
  })
  return found
}

/** The library marks paragraph splits and joins with zero-width spaces; arrows step over them. */
function skipZeroWidthAnchor(
  state: EditorState,
  key: string,
  dispatch: (tr: Transaction) => void,
): boolean {
  const { selection } = state
  if (!(selection instanceof TextSelection) || !selection.$cursor) return false
  const cursor = selection.$cursor
  const step =
    key === 'ArrowRight' && cursor.nodeAfter?.text?.startsWith('\u200B')
      ? 1
      : key === 'ArrowLeft' && cursor.nodeBefore?.text?.endsWith('\u200B')
        ? -1
        : 0
  if (step !== 0) {
    dispatch(state.tr.setSelection(TextSelection.create(state.doc, cursor.pos + step)))
  }
  return false
}

/** Where each step of a transaction changed the final document: text, marks or attributes. */
function touchedRanges(tr: Transaction): { from: number; to: number }[] {
  const touched: { from: number; to: number }[] = []
  tr.steps.forEach((step, index) => {
    const toFinal = tr.mapping.slice(index + 1)
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      touched.push({ from: toFinal.map(newStart, -1), to: toFinal.map(newEnd, 1) })
    })
    // Mark and attribute steps change no positions: their own range says where they acted. It is
    // in the document before the step, so it is mapped through the step too (a step that wraps
    // or joins blocks moves what comes after it).
    const json = step.toJSON() as { from?: number; to?: number; pos?: number }
    const from = json.from ?? json.pos
    const to = json.to ?? (json.pos === undefined ? undefined : json.pos + 1)
    const fromStep = tr.mapping.slice(index)
    if (from !== undefined && to !== undefined)
      touched.push({ from: fromStep.map(from, -1), to: fromStep.map(to, 1) })
  })
  const size = tr.doc.content.size
  return touched.map(({ from, to }) => ({
    from: Math.min(Math.max(0, from), size),
    to: Math.min(Math.max(0, to), size),
  }))
}

function touchedSpan(tr: Transaction): { from: number; to: number } | undefined {
  const ranges = touchedRanges(tr)
  if (ranges.length === 0) return undefined
  return {
    from: Math.min(...ranges.map((range) => range.from)),
    to: Math.max(...ranges.map((range) => range.to)),
  }
}

/**
 * The top-level blocks holding `from` to `to`, and one more on each side: a paragraph split or
 * join shows as a pilcrow where one block's text meets the next.
 */
function withNeighbourBlocks(
  doc: ProseMirrorNode,
  from: number,
  to: number,
): { from: number; to: number } {
  const size = doc.content.size
  const blockAt = (position: number) => {
    let found = { index: doc.childCount, offset: size }
    doc.forEach((child, offset, index) => {
      if (found.index === doc.childCount && position < offset + child.nodeSize)
        found = { index, offset }
    })
    return found
  }
  const first = blockAt(from)
  const last = blockAt(to)
  let start = first.offset
  if (first.index > 0) start -= doc.child(first.index - 1).nodeSize
  let end = last.index < doc.childCount ? last.offset + doc.child(last.index).nodeSize : size
  if (last.index + 1 < doc.childCount) end += doc.child(last.index + 1).nodeSize
  return { from: Math.max(0, start), to: Math.min(size, end) }
}

/** The decorations for the suggestions between two top-level block boundaries. */
function suggestionDecorations(
  doc: ProseMirrorNode,
  authorship: SuggestChangesOptions['authorship'],
  from: number,
  to: number,
): Decoration[] {
  const decorations: Decoration[] = []
  const attributesFor = (mark: Mark) => {
    const id = String(mark.attrs.id)
    const who = authorship(id)
    return {
      class: `suggestion suggestion-${mark.type.name} suggestion-author-${authorColourIndex(who?.author ?? '')}`,
      title: who
        ? `${mark.type.name === 'deletion' ? 'Deletion' : 'Suggestion'} by ${who.author}`
        : 'Suggestion',
    }
  }
  let previousText: { parent: ProseMirrorNode; end: number; mark: Mark | undefined } | undefined
  doc.nodesBetween(from, to, (node, position, parent) => {
    const mark = suggestionMarkOf(node)
    if (!node.isText) {
      if (mark)
        decorations.push(Decoration.node(position, position + node.nodeSize, attributesFor(mark)))
      return true
    }
    if (mark) {
      decorations.push(Decoration.inline(position, position + node.nodeSize, attributesFor(mark)))
      // A paragraph split or join shows as a pilcrow where the two blocks meet.
      if (
        previousText &&
        previousText.parent !== parent &&
        previousText.mark?.eq(mark) &&
        mark.type.name !== 'modification'
      ) {
        decorations.push(
          Decoration.widget(previousText.end, pilcrow, {
            key: `pilcrow-${String(mark.attrs.id)}-${previousText.end}`,
            marks: [mark],
          }),
        )
      }
    }
    previousText = parent ? { parent, end: position + node.nodeSize, mark } : undefined
    return true
  })
  return decorations
}

/** Made with the view's own document: shared code reaches no global DOM. */
function pilcrow(view: EditorView): typeof view.dom {
  const sign = asMarkup(view.dom).ownerDocument.createElement('span')
  sign.className = 'suggestion-pilcrow'
  sign.textContent = '¶'
  return sign as unknown as typeof view.dom
}

import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { useEditorStore } from '../stores/editor-store'
import {
  findMatches,
  useStyleStore,
  type PlacedMatch,
  type StyleField,
} from '../stores/style-store'

/** Checking waits for typing to pause: it never runs on the keystroke path. */
const CHECK_DELAY_MS = 400

const underline = (match: PlacedMatch) =>
  Decoration.inline(match.from, match.to, { class: 'style-match', title: match.explanation })

/** Every match underlined, the set built afresh. */
export const allUnderlines = (doc: ProseMirrorNode, matches: readonly PlacedMatch[]) =>
  DecorationSet.create(doc, matches.map(underline))

/**
 * The underlines after a check, from those of the check before (mapped through the edits since):
 * only the top-level blocks between the first and last difference get theirs again. Building
 * the set afresh pairs every block with every match (10 ms for 1,250 matches in a
 * 50,000-word story, each time typing paused).
 */
export function restyledUnderlines(
  underlines: DecorationSet,
  checkedDoc: ProseMirrorNode,
  doc: ProseMirrorNode,
  matches: readonly PlacedMatch[],
): DecorationSet {
  const start = checkedDoc.content.findDiffStart(doc.content)
  const end = checkedDoc.content.findDiffEnd(doc.content)
  if (start === null || !end) return underlines
  const $from = doc.resolve(Math.min(start, end.b))
  const $to = doc.resolve(Math.max(start, end.b))
  const from = $from.depth > 0 ? $from.before(1) : $from.pos
  const to = $to.depth > 0 ? $to.after(1) : $to.pos
  const changed = matches.filter((match) => match.from >= from && match.to <= to)
  return underlines.remove(underlines.find(from, to)).add(doc, changed.map(underline))
}

/**
 * Underlines house-style matches in a field. The check runs after typing pauses, and again when
 * the rules or the article's ignored matches change; clicking an underline selects the match in
 * the Style panel, where it can be fixed or ignored.
 */
export const HouseStyle = Extension.create<{ field: StyleField }>({
  name: 'houseStyle',

  addOptions() {
    return { field: 'Body' as StyleField }
  },

  addProseMirrorPlugins() {
    const { field } = this.options
    const editor = this.editor
    const key = new PluginKey<DecorationSet>(`houseStyle${field}`)
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, decorations) => tr.getMeta(key) ?? decorations.map(tr.mapping, tr.doc),
        },
        props: {
          decorations: (state) => key.getState(state),
          handleClick: (_view, position) => {
            const match = useStyleStore
              .getState()
              .matches[field].find((m) => m.from <= position && position <= m.to)
            useStyleStore.getState().select(match)
            return false
          },
        },
        view: (view) => {
          let timer: ReturnType<typeof setTimeout> | undefined
          /** What the last check looked at; new rules or ignored matches make the next one whole. */
          let checked: { doc: ProseMirrorNode; rules: unknown; ignores: unknown } | undefined
          const check = () => {
            if (editor.isDestroyed) return
            const { doc } = view.state
            const { rules } = useStyleStore.getState()
            const ignores = useEditorStore.getState().form?.styleIgnores
            const matches = findMatches(editor, field, rules)
            useStyleStore.getState().setMatches(field, matches)
            const underlines =
              checked?.rules === rules && checked.ignores === ignores
                ? restyledUnderlines(
                    key.getState(view.state) ?? DecorationSet.empty,
                    checked.doc,
                    doc,
                    matches,
                  )
                : allUnderlines(doc, matches)
            checked = { doc, rules, ignores }
            view.dispatch(view.state.tr.setMeta(key, underlines).setMeta('addToHistory', false))
          }
          const schedule = () => {
            clearTimeout(timer)
            timer = setTimeout(check, CHECK_DELAY_MS)
          }
          schedule()
          const stopRules = useStyleStore.subscribe(
            (state, previous) => state.rules !== previous.rules && schedule(),
          )
          const stopIgnores = useEditorStore.subscribe(
            (state, previous) =>
              state.form?.styleIgnores !== previous.form?.styleIgnores && schedule(),
          )
          return {
            update: (current, previousState) => {
              if (current.state.doc !== previousState.doc) schedule()
            },
            destroy: () => {
              clearTimeout(timer)
              stopRules()
              stopIgnores()
              useStyleStore.getState().setMatches(field, [])
            },
          }
        },
      }),
    ]
  },
})

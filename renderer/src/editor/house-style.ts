import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { useEditorStore } from '../stores/editor-store'
import { findMatches, useStyleStore, type StyleField } from '../stores/style-store'

/** Checking waits for typing to pause: it never runs on the keystroke path. */
const CHECK_DELAY_MS = 400

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
          const check = () => {
            if (editor.isDestroyed) return
            const matches = findMatches(editor, field, useStyleStore.getState().rules)
            useStyleStore.getState().setMatches(field, matches)
            const decorations = DecorationSet.create(
              view.state.doc,
              matches.map((match) =>
                Decoration.inline(match.from, match.to, {
                  class: 'style-match',
                  title: match.explanation,
                }),
              ),
            )
            view.dispatch(view.state.tr.setMeta(key, decorations).setMeta('addToHistory', false))
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

import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/**
 * Marks the body's paragraphs that run past the slot's lines, from the one in which the first
 * line over falls: the desk sees at once what to cut. The panel that measures says where.
 */
const copyfitOverflowKey = new PluginKey<DecorationSet>('copyfitOverflow')

/** The paragraph (counted as the measure counts: non-empty, captions left out) where lines go over. */
export function markLinesOver(editor: Editor, paragraph: number | undefined): void {
  if (editor.isDestroyed) return
  // Nothing marked and nothing to mark: no transaction at all.
  if (paragraph === undefined && copyfitOverflowKey.getState(editor.state) === DecorationSet.empty)
    return
  editor.view.dispatch(
    editor.state.tr.setMeta(copyfitOverflowKey, paragraph ?? -1).setMeta('addToHistory', false),
  )
}

export const CopyfitOverflow = Extension.create({
  name: 'copyfitOverflow',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: copyfitOverflowKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, decorations) {
            const from = tr.getMeta(copyfitOverflowKey) as number | undefined
            if (from === undefined) return decorations.map(tr.mapping, tr.doc)
            if (from < 0) return DecorationSet.empty
            const marks: Decoration[] = []
            let index = 0
            tr.doc.descendants((node, position) => {
              if (node.type.name === 'figure') return false
              if (!node.isTextblock) return true
              if (!node.textContent.trim()) return false
              if (index >= from)
                marks.push(
                  Decoration.node(position, position + node.nodeSize, {
                    class: index === from ? 'copyfit-over copyfit-over-starts' : 'copyfit-over',
                  }),
                )
              index += 1
              return false
            })
            return DecorationSet.create(tr.doc, marks)
          },
        },
        props: {
          decorations: (state) => copyfitOverflowKey.getState(state),
        },
      }),
    ]
  },
})

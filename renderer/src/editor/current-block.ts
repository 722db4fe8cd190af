import { Extension } from '@tiptap/core'
import { Plugin } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/**
 * Marks the top-level block holding the cursor with `has-caret`, so focus mode can let the
 * paragraph being written stand out and the browser always lays that block out (styles.css).
 * One node decoration, rebuilt only when the selection or the document changes.
 */
export const CurrentBlock = Extension.create({
  name: 'currentBlock',
  addProseMirrorPlugins: () => [
    new Plugin({
      props: {
        decorations(state) {
          const { $head } = state.selection
          if ($head.depth === 0) return DecorationSet.empty
          const start = $head.before(1)
          const block = state.doc.nodeAt(start)
          if (!block) return DecorationSet.empty
          return DecorationSet.create(state.doc, [
            Decoration.node(start, start + block.nodeSize, { class: 'has-caret' }),
          ])
        },
      },
    }),
  ],
})

import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/** How long typing pauses before the blocks the caret has left are let go (see `CurrentBlock`). */
export const SETTLE_DELAY_MS = 1_000

/** Where the top-level block holding the caret starts, if the caret is in one. */
function caretBlockStart(state: EditorState): number | undefined {
  const { $head } = state.selection
  return $head.depth === 0 ? undefined : $head.before(1)
}

const startsABlock = (doc: ProseMirrorNode, position: number) =>
  position < doc.content.size && doc.resolve(position).depth === 0

/**
 * The blocks the caret has been in, by where they start, carried through a transaction: a block
 * it deleted or merged into another is dropped, and the caret's block is added.
 */
export function visitedBlocks(
  visited: readonly number[],
  tr: Transaction,
  caret: number | undefined,
): number[] {
  const kept = new Set<number>()
  for (const start of visited) {
    const mapped = tr.mapping.mapResult(start, 1)
    if (!mapped.deleted && startsABlock(tr.doc, mapped.pos)) kept.add(mapped.pos)
  }
  if (caret !== undefined) kept.add(caret)
  return [...kept].sort((a, b) => a - b)
}

const visitedKey = new PluginKey<number[]>('caretVisited')
const SETTLE = 'settle'

/**
 * Marks the top-level block holding the cursor with `has-caret` (focus mode lets it stand out),
 * and every block the caret has been in since typing last paused with `caret-visited`: the
 * browser keeps those laid out (styles.css). Blocks off screen are skipped
 * (`content-visibility: auto`), and switching one between skipped and laid out costs Chrome a
 * second layout and an intersection pass over every block of the story: letting go of the block
 * Enter left on each Enter made the frame after an Enter in a 50,000-word story take 45–49 ms
 * to paint instead of 27–31. So a block is let go only once typing pauses, all at once.
 */
export const CurrentBlock = Extension.create({
  name: 'currentBlock',
  addProseMirrorPlugins: () => [
    new Plugin<number[]>({
      key: visitedKey,
      state: {
        init: (_config, state) => visitedBlocks([], state.tr, caretBlockStart(state)),
        apply: (tr, visited, _old, state) => {
          const caret = caretBlockStart(state)
          if (tr.getMeta(visitedKey) === SETTLE) return caret === undefined ? [] : [caret]
          if (!tr.docChanged && (caret === undefined || visited.includes(caret))) return visited
          return visitedBlocks(visited, tr, caret)
        },
      },
      props: {
        decorations(state) {
          const visited = visitedKey.getState(state) ?? []
          const caret = caretBlockStart(state)
          return DecorationSet.create(
            state.doc,
            visited.map((start) => {
              const end = start + (state.doc.nodeAt(start)?.nodeSize ?? 0)
              const caretHere = start === caret
              return Decoration.node(start, end, {
                class: caretHere ? 'caret-visited has-caret' : 'caret-visited',
              })
            }),
          )
        },
      },
      view: () => {
        let timer: ReturnType<typeof setTimeout> | undefined
        return {
          update: (view) => {
            clearTimeout(timer)
            if ((visitedKey.getState(view.state)?.length ?? 0) <= 1) return
            timer = setTimeout(() => {
              if (!view.isDestroyed)
                view.dispatch(
                  view.state.tr.setMeta(visitedKey, SETTLE).setMeta('addToHistory', false),
                )
            }, SETTLE_DELAY_MS)
          },
          destroy: () => clearTimeout(timer),
        }
      },
    }),
  ],
})

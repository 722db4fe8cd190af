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

interface VisitedState {
  visited: readonly number[]
  caret: number | undefined
  decorations: DecorationSet
}

const visitedKey = new PluginKey<VisitedState>('caretVisited')
const SETTLE = 'settle'

function decorate(doc: ProseMirrorNode, visited: readonly number[], caret: number | undefined) {
  return DecorationSet.create(
    doc,
    visited.map((start) =>
      Decoration.node(start, start + (doc.nodeAt(start)?.nodeSize ?? 0), {
        class: start === caret ? 'caret-visited has-caret' : 'caret-visited',
      }),
    ),
  )
}

/** Whether `decorations` mark exactly the blocks starting at `visited`, each whole. */
function marksExactly(
  doc: ProseMirrorNode,
  decorations: DecorationSet,
  visited: readonly number[],
) {
  const found = decorations.find()
  return (
    found.length === visited.length &&
    found.every(
      (decoration) =>
        visited.includes(decoration.from) &&
        decoration.to === decoration.from + (doc.nodeAt(decoration.from)?.nodeSize ?? -1),
    )
  )
}

/**
 * The blocks after a transaction, with their decorations. Building a decoration set walks every
 * block of the story (4 ms a transaction at 50,000 words), so the set is kept while the blocks
 * stay the same and carried through edits that only move them.
 */
function nextVisited(tr: Transaction, before: VisitedState, state: EditorState): VisitedState {
  const caret = caretBlockStart(state)
  if (tr.getMeta(visitedKey) === SETTLE) {
    const visited = caret === undefined ? [] : [caret]
    return { visited, caret, decorations: decorate(state.doc, visited, caret) }
  }
  if (!tr.docChanged && caret === before.caret) return before
  const visited =
    !tr.docChanged && (caret === undefined || before.visited.includes(caret))
      ? before.visited
      : visitedBlocks(before.visited, tr, caret)
  if (tr.docChanged && before.caret !== undefined && caret === tr.mapping.map(before.caret, 1)) {
    const mapped = before.decorations.map(tr.mapping, tr.doc)
    if (marksExactly(state.doc, mapped, visited)) return { visited, caret, decorations: mapped }
  }
  return { visited, caret, decorations: decorate(state.doc, visited, caret) }
}

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
    new Plugin<VisitedState>({
      key: visitedKey,
      state: {
        init: (_config, state) => {
          const caret = caretBlockStart(state)
          const visited = visitedBlocks([], state.tr, caret)
          return { visited, caret, decorations: decorate(state.doc, visited, caret) }
        },
        apply: (tr, before, _old, state) => nextVisited(tr, before, state),
      },
      props: {
        decorations: (state) => visitedKey.getState(state)?.decorations,
      },
      view: () => {
        let timer: ReturnType<typeof setTimeout> | undefined
        return {
          update: (view) => {
            clearTimeout(timer)
            if ((visitedKey.getState(view.state)?.visited.length ?? 0) <= 1) return
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

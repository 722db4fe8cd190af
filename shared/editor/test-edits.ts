import type { Editor } from '@tiptap/core'
import { Selection } from '@tiptap/pm/state'
import fc from 'fast-check'

/** One thing a person does to the body, for property tests of what is derived from it. */
export type Edit =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'enter'; at: number }
  | { kind: 'suggest'; on: boolean }

/** Runs of typing, deleting, splitting blocks and switching Suggest edits on and off. */
export function editRuns({
  longestDelete,
  longestRun,
}: {
  longestDelete: number
  longestRun: number
}) {
  return fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('type' as const),
        at: fc.nat(),
        text: fc.string({ minLength: 1, maxLength: 6 }),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: longestDelete }),
      }),
      fc.record({ kind: fc.constant('enter' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('suggest' as const), on: fc.boolean() }),
    ),
    { minLength: 1, maxLength: longestRun },
  )
}

/** Does the edit where a click would put the caret, whatever the position drawn. */
export function applyEdit(current: Editor, edit: Edit): void {
  const { doc } = current.state
  const size = doc.content.size
  const at = (position: number) => Selection.near(doc.resolve(position % (size + 1))).from
  if (edit.kind === 'suggest') current.commands.setSuggestMode(edit.on)
  else if (edit.kind === 'type')
    current.chain().setTextSelection(at(edit.at)).insertContent(edit.text).run()
  else if (edit.kind === 'enter') current.chain().setTextSelection(at(edit.at)).splitBlock().run()
  else {
    const from = at(edit.at)
    current
      .chain()
      .setTextSelection({ from, to: Math.min(size - 1, from + edit.length) })
      .deleteSelection()
      .run()
  }
}

import { Fragment, Slice, type Mark, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'

const ANCHOR = '\u200B'

/**
 * A pasted run of content recorded as a suggestion in a few steps: the same document the
 * suggestion library makes of it (a property test holds the two equal), made differently. The
 * library puts the content in and then marks it node by node, a step per pasted block, and every
 * step rebuilds the top of the document: a 1 MB paste of 5,000 paragraphs took seconds. Here
 * the content is put in, marked as one slice, and put back over itself in one step, with the
 * library's zero-width anchors where the insertion splits a block.
 *
 * Only a plain insertion takes this way: one step, nothing deleted, no suggestion beside the
 * caret or around it (the library would join those, or give the insertion their id).
 * Undefined otherwise, before an id is asked for: the library records it.
 */
export function trackedInsertion(
  original: Transaction,
  state: EditorState,
  newSuggestionId: () => string,
): Transaction | undefined {
  const { insertion, deletion } = state.schema.marks
  const [step] = original.steps
  if (!insertion || !deletion || original.steps.length !== 1) return undefined
  if (!(step instanceof ReplaceStep) || step.from !== step.to || step.slice.size === 0)
    return undefined
  const suggested = (marks: readonly Mark[] = []) =>
    marks.some((mark) => mark.type === insertion || mark.type === deletion)
  const $at = state.doc.resolve(step.from)
  if (suggested($at.nodeBefore?.marks) || suggested($at.nodeAfter?.marks)) return undefined
  for (let depth = $at.depth; depth > 0; depth--)
    if (suggested($at.node(depth).marks)) return undefined

  const mark = insertion.create({ id: newSuggestionId() })
  const tracked = state.tr
  const from = step.from
  tracked.replace(from, from, step.slice)
  const put = tracked.steps.at(-1)
  let to = put ? put.getMap().map(from) : from
  const inserted = tracked.doc.slice(from, to)
  // Whatever holds the insertion besides the document itself holds text of its own: the
  // library marks the inserted text in it, and in every block inside.
  const $from = tracked.doc.resolve(from)
  const depth = $from.sharedDepth(to)
  const marked = new Slice(
    markInserted(
      inserted.content,
      inserted.openStart,
      inserted.openEnd,
      depth > 0,
      mark,
      $from.node(depth),
    ),
    inserted.openStart,
    inserted.openEnd,
  )
  tracked.step(new ReplaceStep(from, to, marked))

  // Like the library: a zero-width anchor, marked inserted, where the insertion splits a block.
  if (!tracked.doc.resolve(from).nodeAfter) {
    tracked.insertText(ANCHOR, from)
    tracked.addMark(from, from + 1, mark)
    to += 1
  }
  if (!tracked.doc.resolve(to).nodeBefore) {
    tracked.insertText(ANCHOR, to)
    tracked.addMark(to, to + 1, mark)
  }
  return withOriginalsFinish(tracked, original)
}

/**
 * Marks inserted content as the library's steps do: a block inserted whole takes the mark as a
 * node mark, and its content is left alone unless it stands inside a block the insertion only
 * partly fills, whose inserted text is all marked; inline content takes the mark where its
 * parent allows it.
 */
function markInserted(
  content: Fragment,
  openStart: number,
  openEnd: number,
  inBlock: boolean,
  mark: Mark,
  parent: ProseMirrorNode,
): Fragment {
  const children: ProseMirrorNode[] = []
  content.forEach((child, _offset, index) => {
    const openBefore = index === 0 && openStart > 0
    const openAfter = index === content.childCount - 1 && openEnd > 0
    if (child.isInline) children.push(markInline(child, parent, mark))
    else if (openBefore || openAfter)
      children.push(
        child.copy(
          markInserted(
            child.content,
            openBefore ? openStart - 1 : 0,
            openAfter ? openEnd - 1 : 0,
            true,
            mark,
            child,
          ),
        ),
      )
    else {
      const inner = inBlock ? markAllInline(child.content, mark, child) : child.content
      children.push(child.type.create(child.attrs, inner, mark.addToSet(child.marks)))
    }
  })
  return Fragment.from(children)
}

function markAllInline(content: Fragment, mark: Mark, parent: ProseMirrorNode): Fragment {
  const children: ProseMirrorNode[] = []
  content.forEach((child) =>
    children.push(
      child.isInline
        ? markInline(child, parent, mark)
        : child.copy(markAllInline(child.content, mark, child)),
    ),
  )
  return Fragment.from(children)
}

function markInline(node: ProseMirrorNode, parent: ProseMirrorNode, mark: Mark) {
  return node.isAtom && parent.type.allowsMarkType(mark.type)
    ? node.mark(mark.addToSet(node.marks))
    : node
}

/** What the library carries over from the edit it recorded: selection, scrolling, marks, meta. */
function withOriginalsFinish(tracked: Transaction, original: Transaction): Transaction {
  const [base] = original.docs
  if (original.selectionSet && !tracked.selectionSet && base) {
    const before = original.selection.map(base, original.mapping.invert())
    tracked.setSelection(before.map(tracked.doc, tracked.mapping))
  }
  if (original.scrolledIntoView) tracked.scrollIntoView()
  if (original.storedMarksSet) tracked.setStoredMarks(original.storedMarks)
  // The edit's meta (paste, uiEvent, plugins' own) goes with it, as the library passes it on.
  const meta = (original as unknown as { meta: Record<string, unknown> }).meta
  for (const [key, value] of Object.entries(meta)) tracked.setMeta(key, value)
  return tracked
}

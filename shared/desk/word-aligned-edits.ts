import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'

/**
 * Writes the text changes between a shared rich text and the document it should become as edits
 * that start and end between words, before y-tiptap's `updateYFragment` writes the rest.
 *
 * y-tiptap finds a text's change as one common start and end, which is exact but ambiguous where
 * the typed word repeats what is beside it: "soon. w1" becoming "soon. w10 w1" is written as "0 w1"
 * added after "w1". Made apart from someone adding " w6" at the same end, the merge read
 * "soon. w1 w60 w1": a word twice, and another broken. Choosing among the equally short edits one
 * that splits no word keeps every word that two people typed apart whole and single.
 */
export function alignWordEdits(shared: Y.XmlFragment | Y.XmlElement, next: ProseMirrorNode): void {
  const ours = shared.toArray()
  const theirs = inlineGroups(next)
  for (const [y, p] of pairedChildren(ours, theirs)) {
    if (y instanceof Y.XmlText && Array.isArray(p)) alignText(y, textOfGroup(p))
    else if (y instanceof Y.XmlElement && !Array.isArray(p)) alignWordEdits(y, p)
  }
}

type Child = Y.XmlElement | Y.XmlText | Y.XmlHook
/** A node's children as y-tiptap keeps them: each run of text nodes is one Y.XmlText. */
type Group = ProseMirrorNode | ProseMirrorNode[]

function inlineGroups(node: ProseMirrorNode): Group[] {
  const groups: Group[] = []
  node.forEach((child) => {
    const last = groups.at(-1)
    if (child.isText && Array.isArray(last)) last.push(child)
    else groups.push(child.isText ? [child] : child)
  })
  return groups
}

const sameKind = (y: Child, p: Group) =>
  Array.isArray(p)
    ? y instanceof Y.XmlText
    : y instanceof Y.XmlElement && y.nodeName === p.type.name

/**
 * Which shared child becomes which: those alike at both ends pair up, and what lies between pairs
 * only when as many children stand on each side, as when paragraphs were edited but none added.
 * Anything else is left to y-tiptap, which adds and removes whole nodes there.
 */
function pairedChildren(ours: Child[], theirs: Group[]): [Child, Group][] {
  const alike = (y: Child | undefined, p: Group | undefined) =>
    y !== undefined && p !== undefined && sameKind(y, p) && textOf(y) === textOfGroup(p)
  const shorter = Math.min(ours.length, theirs.length)
  let left = 0
  while (left < shorter && alike(ours[left], theirs[left])) left++
  let right = 0
  while (
    right < shorter - left &&
    alike(ours[ours.length - 1 - right], theirs[theirs.length - 1 - right])
  )
    right++
  const middleOurs = ours.slice(left, ours.length - right)
  const middleTheirs = theirs.slice(left, theirs.length - right)
  if (middleOurs.length !== middleTheirs.length) return []
  const pairs = middleOurs.map((y, index): [Child, Group] => [y, middleTheirs[index] as Group])
  return pairs.every(([y, p]) => sameKind(y, p)) ? pairs : []
}

function textOf(type: Child): string {
  if (type instanceof Y.XmlText) return plainText(type)
  if (type instanceof Y.XmlElement) return type.toArray().map(textOf).join('')
  return ''
}

const textOfGroup = (group: Group) =>
  Array.isArray(group) ? group.map((node) => node.text ?? '').join('') : group.textContent

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map(({ insert }) => (typeof insert === 'string' ? insert : ''))
    .join('')
}

function alignText(text: Y.XmlText, next: string): void {
  const current = plainText(text)
  if (current === next) return
  const edit = wordAlignedEdit(current, next)
  if (edit.removed > 0) text.delete(edit.at, edit.removed)
  if (edit.inserted) text.insert(edit.at, edit.inserted)
}

/** One replacement turning `current` into `next`: as short as any, and between words if it can. */
export function wordAlignedEdit(
  current: string,
  next: string,
): { at: number; removed: number; inserted: string } {
  let start = 0
  while (start < current.length && start < next.length && current[start] === next[start]) start++
  let end = 0
  while (
    end < current.length - start &&
    end < next.length - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  )
    end++
  const removed = current.length - start - end
  const added = next.length - start - end
  // Only a pure insertion or deletion can move: a replacement's ends are fixed by its own letters.
  if (removed === 0 || added === 0) {
    const text = removed === 0 ? next : current
    const length = removed === 0 ? added : removed
    const score = (at: number) =>
      edgeScore(text[at - 1], text[at]) + edgeScore(text[at + length - 1], text[at + length])
    let best = start
    for (let at = start; at > 0 && text[at - 1] === text[at + length - 1];) {
      at--
      if (score(at) > score(best)) best = at
    }
    start = best
  }
  return { at: start, removed, inserted: next.slice(start, start + added) }
}

const WORD = /[\p{L}\p{N}]/u

/** How well a cut between these two characters keeps words whole: inside a word is worst. */
function edgeScore(before: string | undefined, after: string | undefined): number {
  if (before === undefined || after === undefined) return 2
  if (/\s/.test(before) || /\s/.test(after)) return 2
  if (WORD.test(before) && WORD.test(after)) return 0
  return 1
}

import { parseHTML } from 'linkedom'
import type {
  CommentReply,
  CommentThread,
  SuggestionRecord,
  TrackedLine,
} from '../../../shared/article/schema'
import {
  decodeMarker,
  MARKER_PATTERN,
  type MarkedRevisions,
  type WordChange,
} from './word-revisions'

/** A Word document's changes and comments as Copydesk holds them, beside its body HTML. */
export interface RevisionsInHtml {
  /** The HTML with `<ins>`/`<del data-suggestion>` and `<span data-comment>` in place of markers. */
  html: string
  suggestions: SuggestionRecord[]
  comments: CommentThread[]
  tracked: { headline?: TrackedLine; standfirst?: TrackedLine }
  notes: string[]
}

export interface RevisionOptions {
  /** When a change or comment has no date in the file. */
  now: string
  newId: () => string
}

const TAG: Record<WordChange['kind'], 'ins' | 'del'> = { insertion: 'ins', deletion: 'del' }
/** Text Copydesk reads as plain words, where it cannot keep a change: taken as Word shows it. */
const PLAIN_LINES = 'p.byline, p.dateline, p.caption, p.lead-picture'
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'])

/**
 * Mammoth's HTML of a document marked by `markRevisions`, with the markers turned into the marks
 * of Copydesk's suggestions and comment anchors: each Word change becomes a suggestion with its
 * author and date; each comment thread, with its replies and resolved state, a comment thread on
 * the same text. The headline and standfirst keep their changes as tracked lines.
 */
export function readRevisionMarkers(
  html: string,
  revisions: MarkedRevisions,
  options: RevisionOptions,
): RevisionsInHtml {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const suggestionIds = new Map<number, string>()
  const suggestionOf = (change: number) => {
    let id = suggestionIds.get(change)
    if (!id) suggestionIds.set(change, (id = options.newId()))
    return id
  }
  /**
   * Word writes one change per run of formatting, and a replacement as a deletion and an
   * insertion: changes that follow each other, by the same person at the same time, are one
   * suggestion, as Copydesk records them.
   */
  let previousChange: number | undefined
  const continuedSuggestion = (change: number) => {
    const before = previousChange === undefined ? undefined : revisions.changes[previousChange]
    const now = revisions.changes[change]
    if (
      previousChange !== undefined &&
      before &&
      now &&
      !suggestionIds.has(change) &&
      before.author === now.author &&
      before.date === now.date
    ) {
      suggestionIds.set(change, suggestionOf(previousChange))
    }
    previousChange = change
    return suggestionOf(change)
  }
  const threads = threadsOf(revisions, options)
  const threadOfComment = (commentId: string) => threads.byWordId.get(commentId)

  const openChanges: number[] = []
  const openComments = new Set<string>()
  const paragraphChanges = new Map<Element, number>()
  for (const textNode of textNodesOf(document.body)) {
    const text = textNode.textContent ?? ''
    if (!text.includes('\uE000')) {
      if (openChanges.length || openComments.size) textNode.replaceWith(wrapped(text))
      continue
    }
    const pieces: Node[] = []
    let last = 0
    for (const match of text.matchAll(MARKER_PATTERN)) {
      if (match.index > last) pieces.push(wrapped(text.slice(last, match.index)))
      last = match.index + match[0].length
      const marker = decodeMarker(match[1] ?? '')
      if (marker?.type === 'change-start') openChanges.push(marker.change)
      else if (marker?.type === 'change-end') openChanges.pop()
      else if (marker?.type === 'comment-start') openComments.add(marker.comment)
      else if (marker?.type === 'comment-end') openComments.delete(marker.comment)
      else if (marker?.type === 'paragraph-change') {
        const block = blockOf(textNode)
        if (block) paragraphChanges.set(block, marker.change)
      }
    }
    if (last < text.length) pieces.push(wrapped(text.slice(last)))
    textNode.replaceWith(...pieces)
  }

  function wrapped(text: string): Node {
    let node: Node = document.createTextNode(text)
    // The innermost change is the one that counts: text inserted, then deleted, is a deletion.
    const change = openChanges.at(-1)
    const kind = change === undefined ? undefined : revisions.changes[change]?.kind
    if (change !== undefined && kind) {
      const element = document.createElement(TAG[kind])
      element.setAttribute('data-suggestion', continuedSuggestion(change))
      element.append(node)
      node = element
    } else if (text.trim()) previousChange = undefined
    for (const comment of openComments) {
      const thread = threadOfComment(comment)
      // A reply's range repeats its thread's: the thread's own marks anchor it.
      if (!thread || thread.wordId !== comment) continue
      const element = document.createElement('span')
      element.setAttribute('data-comment', thread.thread.id)
      element.append(node)
      node = element
    }
    return node
  }

  markWholeParagraphs(paragraphChanges, revisions, suggestionOf)
  paragraphsInListItems(document.body)

  const notes: string[] = []
  const headline = trackedLineOf(document.querySelector('h1'))
  const standfirst = trackedLineOf(document.querySelector('p.standfirst'))
  const tracked = { ...(headline && { headline }), ...(standfirst && { standfirst }) }

  let acceptedElsewhere = 0
  for (const line of Array.from(document.querySelectorAll(PLAIN_LINES))) {
    const changes = line.querySelectorAll('ins[data-suggestion], del[data-suggestion]')
    acceptedElsewhere += changes.length
    for (const change of Array.from(changes)) {
      if (change.localName === 'del') change.remove()
      else change.replaceWith(...Array.from(change.childNodes))
    }
  }
  if (acceptedElsewhere) {
    notes.push(
      `Word's tracked changes in the byline, dateline or picture captions (${acceptedElsewhere}) were taken as made: Copydesk suggests changes there person by person and field by field. Check them against the Word file.`,
    )
  }
  for (const anchor of Array.from(
    document.querySelectorAll('h1 span[data-comment], p.standfirst span[data-comment]'),
  )) {
    anchor.replaceWith(...Array.from(anchor.childNodes))
  }

  const body = document.body.innerHTML
  const anchored = new Set(
    Array.from(body.matchAll(/data-comment="([^"]+)"/g), (match) => match[1] ?? ''),
  )
  const unanchored = threads.list.filter((thread) => !anchored.has(thread.id)).length
  if (unanchored) {
    notes.push(
      `${unanchored} Word comment thread${unanchored === 1 ? ' is' : 's are'} on text Copydesk keeps outside the body (the headline, standfirst, byline or a caption): ${unanchored === 1 ? 'it is' : 'they are'} in Comments, with no place in the text.`,
    )
  }

  const usedSuggestions = new Set(
    [
      ...Array.from(body.matchAll(/data-suggestion="([^"]+)"/g), (match) => match[1] ?? ''),
      ...[tracked.headline, tracked.standfirst].flatMap((line) =>
        (line ?? []).map((node) => String(node.marks?.[0]?.attrs.id ?? '')),
      ),
    ].filter(Boolean),
  )
  const records = new Map<string, SuggestionRecord>()
  for (const [change, id] of suggestionIds) {
    const word = revisions.changes[change]
    if (records.has(id) || !usedSuggestions.has(id)) continue
    records.set(id, {
      id,
      author: authorOf(word?.author),
      createdAt: isoDate(word?.date) ?? options.now,
    })
  }
  const suggestions = [...records.values()]

  return { html: body, suggestions, comments: threads.list, tracked, notes }
}

/**
 * A paragraph whose mark Word records as inserted (or deleted), with all its text inserted (or
 * deleted) too, is a new (or removed) paragraph: the suggestion is on the paragraph itself, so
 * rejecting the insertion takes the paragraph away, not only its words.
 */
function markWholeParagraphs(
  paragraphChanges: Map<Element, number>,
  revisions: MarkedRevisions,
  suggestionOf: (change: number) => string,
): void {
  for (const [block, change] of paragraphChanges) {
    const kind = revisions.changes[change]?.kind
    if (!kind || block.localName === 'li' || block.matches('h1, p.standfirst, ' + PLAIN_LINES))
      continue
    const tag = TAG[kind]
    const texts = textNodesOf(block).filter((node) => node.textContent?.trim())
    // Copydesk's own split (Enter in Suggest edits) ends in an inserted zero-width space: it is
    // the paragraph mark's change, and the paragraph keeps it as it was written.
    if (texts.at(-1)?.textContent?.endsWith('\u200b')) continue
    // Words suggested into a paragraph that is suggested away stay their own suggestion.
    const changed = (node: Node) =>
      node.parentElement?.closest(tag) ||
      (kind === 'deletion' && node.parentElement?.closest('ins[data-suggestion]'))
    const allChanged = texts.every(changed)
    const inner = Array.from(block.querySelectorAll(`${tag}[data-suggestion]`))
    const ids = new Set(inner.map((element) => element.getAttribute('data-suggestion')))
    // One person's paragraph: the suggestion is the paragraph's alone, as Suggest edits keeps a
    // paragraph added or removed whole. With several people's words in it, each keeps theirs. An
    // empty paragraph added or struck is the paragraph mark's change alone.
    if (!allChanged || ids.size > 1) continue
    const id = [...ids][0] ?? suggestionOf(change)
    for (const element of inner) element.replaceWith(...Array.from(element.childNodes))
    const wrapper = block.ownerDocument.createElement(tag)
    wrapper.setAttribute('data-suggestion', id)
    block.replaceWith(wrapper)
    wrapper.append(block)
  }
}

const BLOCK_ELEMENTS = new Set(['p', 'ul', 'ol', 'table', 'blockquote', 'figure', 'h2', 'h3', 'hr'])

/**
 * mammoth writes a list item's text straight into the `li`: read so, a change at its start would
 * mark the paragraph the schema makes around it, not the words. Each run of text gets its `p`.
 */
function paragraphsInListItems(root: Element): void {
  for (const item of Array.from(root.querySelectorAll('li'))) {
    let paragraph: Element | undefined
    for (const child of Array.from(item.childNodes)) {
      if (child.nodeType === 1 && BLOCK_ELEMENTS.has((child as Element).localName)) {
        paragraph = undefined
        continue
      }
      if (!paragraph) {
        paragraph = item.ownerDocument.createElement('p')
        item.insertBefore(paragraph, child)
      }
      paragraph.append(child)
    }
  }
}

/** The element's text as a tracked line, when it has changes; its text is then the base text. */
function trackedLineOf(element: Element | null): TrackedLine | undefined {
  if (!element) return undefined
  const line: TrackedLine = []
  for (const node of textNodesOf(element)) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ')
    if (!text) continue
    const change = node.parentElement?.closest('ins[data-suggestion], del[data-suggestion]')
    const id = change?.getAttribute('data-suggestion')
    line.push(
      change && id
        ? {
            type: 'text',
            text,
            marks: [{ type: change.localName === 'ins' ? 'insertion' : 'deletion', attrs: { id } }],
          }
        : { type: 'text', text },
    )
  }
  if (!line.some((node) => node.marks)) return undefined
  trimEnds(line)
  element.textContent = line
    .filter((node) => node.marks?.[0]?.type !== 'insertion')
    .map((node) => node.text)
    .join('')
  return line
}

/** A line's text as the field holds it: no space at either end, and no empty pieces. */
function trimEnds(line: TrackedLine): void {
  const first = line[0]
  if (first) first.text = first.text.trimStart()
  const last = line.at(-1)
  if (last) last.text = last.text.trimEnd()
  for (let index = line.length - 1; index >= 0; index--) {
    if (!line[index]?.text) line.splice(index, 1)
  }
}

/** Word's comments as Copydesk's threads: each reply under the comment that opened its thread. */
function threadsOf(revisions: MarkedRevisions, options: RevisionOptions) {
  const byWordId = new Map<string, { thread: CommentThread; wordId: string }>()
  const list: CommentThread[] = []
  const rootOf = (id: string, seen = new Set<string>()): string => {
    const parent = revisions.comments.find((comment) => comment.id === id)?.parentId
    return parent && !seen.has(parent) ? rootOf(parent, seen.add(id)) : id
  }
  for (const comment of revisions.comments) {
    const root = rootOf(comment.id)
    const reply: CommentReply = {
      id: options.newId(),
      author: authorOf(comment.author),
      createdAt: isoDate(comment.date) ?? options.now,
      text: comment.text || '(an empty comment)',
    }
    const existing = byWordId.get(root)
    if (root !== comment.id && existing) {
      existing.thread.replies.push(reply)
      byWordId.set(comment.id, existing)
      continue
    }
    const thread: CommentThread = { ...reply, resolved: comment.resolved, replies: [] }
    list.push(thread)
    byWordId.set(comment.id, { thread, wordId: comment.id })
  }
  return { byWordId, list }
}

const authorOf = (author: string | undefined) => author?.trim().slice(0, 200) || 'Unknown (Word)'

/** Word's dates, with or without a zone (Word for Mac leaves it out: it means UTC). */
function isoDate(date: string | undefined): string | undefined {
  if (!date || !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(date)) return undefined
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(date) ? date : `${date}Z`
  const time = Date.parse(zoned)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

function textNodesOf(root: Element): Text[] {
  const found: Text[] = []
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) found.push(child as Text)
      else walk(child)
    }
  }
  walk(root)
  return found
}

function blockOf(node: Node): Element | undefined {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    if (BLOCKS.has(parent.localName)) return parent
  }
  return undefined
}

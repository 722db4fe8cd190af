import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx'
import type { Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'

/** A tracked change as Word writes it: each run of it with an id of its own. */
export interface WordChange {
  kind: 'insertion' | 'deletion'
  id: number
  author: string
  date: string
}

/**
 * An article's suggestions and comment threads, ready to be written into a Word document as
 * tracked changes and comments.
 */
export interface WordRevisions {
  /**
   * The change a text node or block is part of, if any (else `inherited`, the change of the block
   * it is in), with a fresh Word id.
   */
  changeOf(node: TiptapNode, inherited?: WordChange): WordChange | undefined
  /** The comment ranges that open before this text node. */
  startsAt(node: TiptapNode): ParagraphChild[]
  /** The comment ranges that close after it, with their references. */
  endsAt(node: TiptapNode): ParagraphChild[]
  /** Threads whose text is gone from the body: Word has them on the headline instead. */
  unanchoredStarts(): ParagraphChild[]
  unanchoredEnds(): ParagraphChild[]
  comments: ICommentOptions[]
}

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 9)

export function wordRevisions(article: Article): WordRevisions {
  const authorship = new Map(article.suggestions.map((record) => [record.id, record]))
  const comments: ICommentOptions[] = []
  /** Word's ids of each thread: the thread's own, then its replies'; each reply has the range too. */
  const threadIds = new Map<string, number[]>()
  for (const thread of article.comments) {
    const ids: number[] = []
    const comment = (
      { author, createdAt, text }: { author: string; createdAt: string; text: string },
      extra: Partial<ICommentOptions>,
    ) => {
      const id = comments.length
      ids.push(id)
      comments.push({
        id,
        author,
        initials: initialsOf(author),
        date: new Date(createdAt),
        children: text.split('\n').map((line) => new Paragraph(line)),
        ...extra,
      })
      return id
    }
    const root = comment(thread, thread.resolved ? { resolved: true } : {})
    for (const reply of thread.replies) comment(reply, { parentId: root })
    threadIds.set(thread.id, ids)
  }

  const firstNode = new Map<string, TiptapNode>()
  const lastNode = new Map<string, TiptapNode>()
  const walk = (node: TiptapNode) => {
    for (const mark of node.marks ?? []) {
      const thread = mark.type === 'comment' ? String(mark.attrs?.threadId ?? '') : ''
      if (!threadIds.has(thread)) continue
      if (!firstNode.has(thread)) firstNode.set(thread, node)
      lastNode.set(thread, node)
    }
    node.content?.forEach(walk)
  }
  walk(article.body)
  const unanchored = [...threadIds.keys()].filter((thread) => !firstNode.has(thread))
  const byNode = (nodes: Map<string, TiptapNode>) => {
    const threads = new Map<TiptapNode, string[]>()
    for (const [thread, node] of nodes) threads.set(node, [...(threads.get(node) ?? []), thread])
    return threads
  }
  const openingAt = byNode(firstNode)
  const closingAt = byNode(lastNode)

  const starts = (threads: string[]) =>
    threads.flatMap((thread) =>
      (threadIds.get(thread) ?? []).map((id) => new CommentRangeStart(id)),
    )
  const ends = (threads: string[]) =>
    threads.flatMap((thread) =>
      (threadIds.get(thread) ?? []).flatMap((id) => [
        new CommentRangeEnd(id),
        new TextRun({ children: [new CommentReference(id)] }),
      ]),
    )

  // Revision ids come after the comments': Word keeps one set of ids for all annotations.
  let nextChangeId = comments.length
  return {
    changeOf(node, inherited) {
      const mark = node.marks?.find((each) => each.type === 'insertion' || each.type === 'deletion')
      if (!mark) return inherited && { ...inherited, id: nextChangeId++ }
      const record = authorship.get(String(mark.attrs?.id ?? ''))
      return {
        kind: mark.type as WordChange['kind'],
        id: nextChangeId++,
        author: record?.author || 'Unknown',
        // Word's dates are to the second.
        date: (record?.createdAt ?? article.updatedAt).replace(/\.\d+Z$/, 'Z'),
      }
    },
    startsAt: (node) => starts(openingAt.get(node) ?? []),
    endsAt: (node) => ends(closingAt.get(node) ?? []),
    unanchoredStarts: () => starts(unanchored),
    unanchoredEnds: () => ends(unanchored),
    comments,
  }
}

import type { Editor } from '@tiptap/core'
import { create } from 'zustand'
import type { CommentThread } from '../../../shared/article'
import { notASuggestion } from '../../../shared/editor/suggest-changes'
import { useEditorStore } from './editor-store'
import { useFieldEditors } from './field-editors'
import { useSettings } from './settings-store'

/** The selection a new comment will be anchored to, while its text is being written. */
interface PendingComment {
  from: number
  to: number
  quote: string
}

interface CommentState {
  pending?: PendingComment
  /** Starts a comment on the body's current selection; false when nothing is selected. */
  start(): boolean
  cancel(): void
  post(text: string): void
  reply(threadId: string, text: string): void
  setResolved(threadId: string, resolved: boolean): void
}

const author = () => useSettings.getState().settings?.displayName ?? ''
const now = () => new Date().toISOString()
const body = (): Editor | undefined => useFieldEditors.getState().editors.Body

function updateThreads(change: (threads: CommentThread[]) => CommentThread[]): void {
  const { form, edit } = useEditorStore.getState()
  if (form) edit({ comments: change(form.comments) })
}

/** The text each thread is anchored to, read from the comment marks in the body. */
export function anchoredText(editor: Editor | undefined): Map<string, string> {
  const quotes = new Map<string, string>()
  editor?.state.doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name !== 'comment') continue
      const id = String(mark.attrs.threadId)
      quotes.set(id, (quotes.get(id) ?? '') + (node.text ?? ''))
    }
  })
  return quotes
}

export const useCommentStore = create<CommentState>((set, get) => ({
  start() {
    const editor = body()
    if (!editor) return false
    const { from, to, empty } = editor.state.selection
    if (empty) return false
    set({ pending: { from, to, quote: editor.state.doc.textBetween(from, to, ' ') } })
    return true
  },

  cancel: () => set({ pending: undefined }),

  post(text) {
    const { pending } = get()
    const editor = body()
    if (!pending || !editor || !text.trim()) return
    const thread: CommentThread = {
      id: crypto.randomUUID(),
      author: author(),
      createdAt: now(),
      text: text.trim(),
      resolved: false,
      replies: [],
    }
    editor
      .chain()
      .setTextSelection({ from: pending.from, to: pending.to })
      .setMark('comment', { threadId: thread.id })
      // Anchoring a comment changes no words: it is never a suggestion.
      .command(({ tr }) => Boolean(notASuggestion(tr)))
      .run()
    updateThreads((threads) => [...threads, thread])
    set({ pending: undefined })
  },

  reply(threadId, text) {
    if (!text.trim()) return
    const reply = { id: crypto.randomUUID(), author: author(), createdAt: now(), text: text.trim() }
    updateThreads((threads) =>
      threads.map((thread) =>
        thread.id === threadId ? { ...thread, replies: [...thread.replies, reply] } : thread,
      ),
    )
  },

  setResolved(threadId, resolved) {
    updateThreads((threads) =>
      threads.map((thread) =>
        thread.id !== threadId
          ? thread
          : { ...thread, resolved, resolvedBy: resolved ? author() : undefined },
      ),
    )
  },
}))

import { create } from 'zustand'
import { slugify, SlugSchema, type Article, type TiptapNode } from '../../../shared/article'
import type { Failure } from '../../../shared/ipc/result'
import { client } from '../api/client'
import { fieldsFromForm, formFromArticle, type ArticleForm } from './article-form'

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; revision: number }
  | { kind: 'failed'; failure: Failure }

interface EditorState {
  /** The article as last saved or opened. */
  article?: Article
  form?: ArticleForm
  /** Counts edits, so a save that finishes while someone types does not mark their new text saved. */
  editCount: number
  savedEditCount: number
  saveState: SaveState
  openError?: string
  /** Set by the body editor: reads the current body only when it is needed. */
  bodySource?: () => TiptapNode
  setBodySource(source: (() => TiptapNode) | undefined): void
  open(id: string): Promise<boolean>
  create(displayName: string): Promise<void>
  edit(patch: Partial<ArticleForm>): void
  bodyEdited(): void
  /** Saves if there is anything to save; true when nothing unsaved is left. */
  save(): Promise<boolean>
  close(): Promise<boolean>
}

export const isDirty = (state: Pick<EditorState, 'editCount' | 'savedEditCount'>) =>
  state.editCount !== state.savedEditCount

export const useEditorStore = create<EditorState>((set, get) => ({
  editCount: 0,
  savedEditCount: 0,
  saveState: { kind: 'idle' },

  setBodySource: (bodySource) => set({ bodySource }),

  async open(id) {
    if (!(await get().save())) return false
    const result = await client.invoke('article:open', { id })
    if (!result.ok) {
      set({ openError: result.error.message })
      return false
    }
    set({
      article: result.value,
      form: formFromArticle(result.value),
      editCount: 0,
      savedEditCount: 0,
      saveState: { kind: 'idle' },
      openError: undefined,
    })
    return true
  },

  async create(displayName) {
    if (!(await get().save())) return
    const result = await client.invoke('article:create', {
      headline: '',
      byline: displayName ? [{ name: displayName }] : [],
    })
    if (!result.ok) return set({ openError: result.error.message })
    await get().open(result.value.id)
  },

  edit(patch) {
    const { form } = get()
    if (!form) return
    // The slug follows the headline until someone sets it by hand.
    const slugFollows =
      patch.headline !== undefined &&
      patch.slug === undefined &&
      form.slug === slugify(form.headline)
    const next = { ...form, ...patch, ...(slugFollows && { slug: slugify(patch.headline ?? '') }) }
    set((state) => ({ form: next, editCount: state.editCount + 1 }))
  },

  bodyEdited: () => set((state) => ({ editCount: state.editCount + 1 })),

  async save() {
    const state = get()
    const { article, form } = state
    if (!article || !form || !isDirty(state)) return true
    const editCount = state.editCount
    if (!SlugSchema.safeParse(form.slug).success) {
      return fail({
        kind: 'invalid-request',
        message: `The slug "${form.slug}" is not valid: use lowercase letters, digits and hyphens.`,
      })
    }
    set({ saveState: { kind: 'saving' } })
    const body = state.bodySource?.() ?? article.body
    const saved = await client.invoke('article:save', {
      id: article.id,
      baseRevision: article.revision,
      fields: fieldsFromForm(form, body),
    })
    if (!saved.ok) return fail(saved.error)
    set({
      article: saved.value,
      savedEditCount: editCount,
      saveState: { kind: 'saved', at: saved.value.updatedAt, revision: saved.value.revision },
    })
    return !isDirty(get())

    function fail(failure: Failure): false {
      set({ saveState: { kind: 'failed', failure } })
      return false
    }
  },

  async close() {
    if (!(await get().save())) return false
    set({
      article: undefined,
      form: undefined,
      editCount: 0,
      savedEditCount: 0,
      saveState: { kind: 'idle' },
    })
    return true
  },
}))

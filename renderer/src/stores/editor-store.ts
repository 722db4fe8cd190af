import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { create } from 'zustand'
import { slugify, SlugSchema, type Article, type TextCounts } from '../../../shared/article'
import { encodeBodyJson, type EncodedBody } from '../../../shared/editor/encode-body'
import { fail, ok, type Failure, type Result } from '../../../shared/result'
import { client } from '../api/client'
import { fieldsFromForm, formFromArticle, formWithDetails, type ArticleForm } from './article-form'
import { loadSuggestionRecords, mergeSuggestionRecords } from './suggestion-store'
import type { DeskJoinAnswer, DeskSyncState } from '../../../shared/desk/desk-sync'
import {
  detailsChangedSince,
  readStoryDetails,
  writeStoryDetails,
  type StoryDetails,
} from '../../../shared/desk/story-document'
import { collectDeskNews, joinSharedStory, type DeskNews, type SharedStory } from './shared-story'
import { takeStoryDoc } from './kept-story-docs'
import type { ArticleLockState } from '../../../shared/library/article-lock'
import type { RecoveryOffer } from '../../../shared/library/recovery-offer'
import { useSettings } from './settings-store'
import { focusWhenRemounted, useFieldEditors } from './field-editors'
import { holdEnteredText } from '../editor/type-ahead'
import { createAutosaver } from './autosaver'
import { pageClock } from './clock'
import { createCrashJournal } from './crash-journal'
import { createOpenTickets } from './open-tickets'
import { startSaveTiming } from './save-timing'
import { createUntouchedDraft } from './untouched-draft'

export { AUTOSAVE_DELAY_MS, RETRY_DELAY_MS } from './autosaver'

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; revision: number }
  | { kind: 'failed'; failure: Failure; retrying: boolean }

interface EditorState {
  /**
   * The article as last saved or opened. Its body stays the body as opened: the body editor
   * holds the current one, and a save does not send it back.
   */
  article?: Article
  /** Changes whenever an article is (re)loaded from disk, so the field editors start afresh. */
  loadCount: number
  form?: ArticleForm
  /** Counts edits, so a save that finishes while someone types does not mark their new text saved. */
  editCount: number
  savedEditCount: number
  saveState: SaveState
  /** Whether this app may edit the open article; undefined while that is being found out. */
  lock?: ArticleLockState
  openError?: string
  /** The open story's shared document, when it is shared through the desk. */
  shared?: SharedStory
  /** Where the shared story stands with the desk, for the save status. */
  deskSync?: DeskSyncState
  bodyCounts: TextCounts
  /** Set by the body editor: encodes the body only when a save needs it, never on a keystroke. */
  bodySource?: () => EncodedBody
  setBodySource(source: (() => EncodedBody) | undefined): void
  setBodyCounts(counts: TextCounts): void
  /**
   * Opens a story; asked for the one on screen, or the one on its way, it waits for that rather
   * than reading it again, which would take the caret out of the text a person is typing in.
   * `again` reads it afresh all the same (after it was sent to the desk, say).
   */
  open(id: string, options?: { again?: boolean }): Promise<boolean>
  /** Opens the article the window starts on, unless the person has already opened or started one. */
  openAtStart(id: string): Promise<boolean>
  /** A new draft, bylined to the person (from settings). */
  create(): Promise<void>
  edit(patch: Partial<ArticleForm>): void
  bodyEdited(): void
  /** Saves now if there is anything to save; true when nothing unsaved is left. */
  save(): Promise<boolean>
  /** Saves, then closes the article; false (and still open) when the save failed. */
  close(): Promise<boolean>
  /** Saves, then makes an earlier version the current text (the replaced text is kept as a version). */
  restoreVersion(versionId: string): Promise<boolean>
  /** After a conflict: the local edits become a new article, which is then open. */
  keepMineAsCopy(): Promise<void>
  /** After a conflict: drop the local edits and load what is on disk. */
  loadTheirs(): Promise<void>
  /**
   * The open article changed on disk (another instance, a colleague): a newer revision replaces
   * the text when nothing is unsaved here; otherwise the person chooses, as after a conflict.
   */
  changedOnDisk(id: string, revisionOnDisk?: number): Promise<void>
  /**
   * Brings back unsaved edits from a session that ended badly: they open as unsaved edits on the
   * revision they were made on (a later save elsewhere then brings the conflict choice). An
   * article no longer in the library comes back as a new one.
   */
  restoreRecovered(offer: RecoveryOffer): Promise<boolean>
  /** Asks again for the lock someone else held: it is granted once theirs has gone stale. */
  takeOver(): Promise<void>
}

/** The body as the editor holds it, or as it was opened while no body editor is there. */
export const currentBody = (state: Pick<EditorState, 'bodySource' | 'article'>): EncodedBody =>
  state.bodySource?.() ?? encodeBodyJson(state.article?.body ?? { type: 'doc' })

/** A shared story's details reach its document this long after the form last changed. */
const SHARE_DETAILS_DELAY_MS = 300

export const isDirty = (state: Pick<EditorState, 'editCount' | 'savedEditCount'>) =>
  state.editCount !== state.savedEditCount

const NO_COUNTS: TextCounts = { words: 0, characters: 0, readingMinutes: 0 }

export const useEditorStore = create<EditorState>((set, get) => {
  const tickets = createOpenTickets()
  /** The latest open, which a second ask for the same story waits for. */
  let opening: { id: string; ticket: number; done: Promise<boolean> } | undefined
  const untouchedDraft = createUntouchedDraft(
    (id) => void client.invoke('article:discard-untouched', { id }),
  )
  const discardIfUntouched = (leaving: Article | undefined) =>
    untouchedDraft.leaving(leaving, isDirty(get()))

  const journal = createCrashJournal({
    unsaved: () => {
      const state = get()
      const { article, form } = state
      if (!article || !form || !isDirty(state)) return undefined
      return {
        articleId: article.id,
        baseRevision: article.revision,
        fields: fieldsFromForm(form, currentBody(state)),
      }
    },
    write: (entry) => client.invoke('recovery:write', entry),
    clear: (articleId) => client.invoke('recovery:clear', { articleId }),
    clock: pageClock,
  })

  const saveOnce = async (): Promise<Result<boolean>> => {
    const state = get()
    const { article, form } = state
    if (!article || !form || !isDirty(state)) return ok(true)
    if (!SlugSchema.safeParse(form.slug).success) {
      return fail(
        'invalid-request',
        `The slug "${form.slug}" is not valid: use lowercase letters, digits and hyphens.`,
      )
    }
    const editCount = state.editCount
    const timing = startSaveTiming()
    set({ saveState: { kind: 'saving' } })
    const request = client.invoke('article:save', {
      id: article.id,
      baseRevision: article.revision,
      fields: fieldsFromForm(form, currentBody(state)),
    })
    timing.sent()
    const saved = await request
    timing.durable()
    if (!saved.ok) return saved
    const applied = timing.applying()
    set({
      article: { ...article, ...saved.value },
      savedEditCount: editCount,
      saveState: { kind: 'saved', at: saved.value.updatedAt, revision: saved.value.revision },
    })
    applied()
    const clean = !isDirty(get())
    if (clean) journal.clear(saved.value.id)
    // Edits typed during the save are journaled again on the new revision.
    else journal.scheduleWrite()
    return ok(clean)
  }

  const autosaver = createAutosaver({
    saveOnce,
    showFailure: (failure, retrying) => {
      set({ saveState: { kind: 'failed', failure, retrying } })
      // Someone else edits it now: this copy turns read-only, keeping the text typed here, and
      // the lock notice offers to take over.
      if (failure.kind === 'locked' && failure.holder)
        set({ lock: { editable: false, holder: failure.holder } })
    },
    // After a conflict only the person decides (keep mine as a copy, or load theirs).
    held: () => {
      const current = get().saveState
      return current.kind === 'failed' && current.failure.kind === 'conflict'
    },
    clock: pageClock,
  })

  /**
   * A shared story's fields outside its rich texts go into its document as the form changes:
   * written once typing pauses, and at once before others' changes are read into the form. Only
   * what this person changed since the form and the document last agreed (`agreed`) is written,
   * so a form that has not caught up yet never undoes someone else's change.
   */
  let shareTimer: ReturnType<typeof setTimeout> | undefined
  let agreed: StoryDetails | undefined
  const shareDetails = () => {
    clearTimeout(shareTimer)
    shareTimer = undefined
    const state = get()
    if (!state.shared || !state.form || !agreed) return
    const { body, headline, standfirst, tracked, ...mine } = fieldsFromForm(
      state.form,
      currentBody(state),
    )
    const changed = detailsChangedSince(agreed, mine)
    if (Object.keys(changed).length === 0) return
    writeStoryDetails(state.shared.doc, changed)
    agreed = { ...agreed, ...changed }
  }
  const scheduleShareDetails = () => {
    clearTimeout(shareTimer)
    shareTimer = setTimeout(shareDetails, SHARE_DETAILS_DELAY_MS)
  }

  /** Others' changes to a shared story's details, shown in the form as they arrive. */
  const takeOthersDetails = () => {
    const { shared } = get()
    if (shareTimer !== undefined) shareDetails()
    const details = shared && readStoryDetails(shared.doc)
    const form = get().form
    if (!details || !form) return
    agreed = details
    mergeSuggestionRecords(details.suggestions)
    const next = formWithDetails(form, details)
    if (next !== form) set({ form: next })
  }

  const joinIfShared = (
    id: string,
    joined: DeskJoinAnswer | undefined,
    news?: DeskNews,
    kept?: Y.Doc,
  ) =>
    joined?.shared && news
      ? joinSharedStory(id, {
          joined,
          ...(kept && { kept }),
          news,
          changedByOthers: takeOthersDetails,
          syncChanged: (deskSync) => set({ deskSync }),
          pushFailed: (failure) => set({ saveState: { kind: 'failed', failure, retrying: true } }),
          pushed: () => {
            if (get().saveState.kind !== 'idle') set({ saveState: { kind: 'idle' } })
          },
          clock: pageClock,
        })
      : undefined

  /** Main keeps the story open for the desk until every join of every page has left. */
  const leaveShared = (shared: SharedStory | undefined) => {
    if (!shared) return
    if (shareTimer !== undefined) shareDetails()
    void shared.leave().then(() => client.invoke('desk:leave', { id: shared.id }))
  }

  const edited = (patch: Partial<EditorState> = {}) => {
    const { shared } = get()
    if (shared) {
      // Every change goes to main as it is made: nothing waits for a save.
      if (Object.keys(patch).length > 0) set(patch)
      // Others' typing shown in the editors has no detail of this person's to share.
      if (!shared.isApplyingOthersChange()) scheduleShareDetails()
      return
    }
    set((state) => ({ ...patch, editCount: state.editCount + 1 }))
    autosaver.edited()
    journal.scheduleWrite()
  }

  /**
   * Takes the open article's edit lock; a lock that cannot be checked does not block editing. A
   * shared story is edited in every window that has it open: its changes merge, and none of them
   * is saved over another's.
   */
  const requestLock = async (id: string) => {
    const result = await client.invoke('article:lock', { id })
    if (get().article?.id !== id) return
    set({ lock: result.ok && !get().shared ? result.value : { editable: true } })
  }

  /** A new draft on disk, bylined to the person; undefined when another open or create won. */
  const makeArticle = async (ticket: number): Promise<Article | undefined> => {
    if (!(await get().save())) return undefined
    // Settings may still be on their way right after the page loads.
    if (!useSettings.getState().settings) await useSettings.getState().load()
    const displayName = useSettings.getState().settings?.displayName ?? ''
    const result = await client.invoke('article:create', {
      byline: displayName ? [{ name: displayName }] : [],
    })
    if (!result.ok) {
      set({ openError: result.error.message })
      return undefined
    }
    if (!tickets.isLatest(ticket) || !(await get().save()) || !tickets.isLatest(ticket))
      return undefined
    return result.value
  }

  const load = (article: Article, joined?: DeskJoinAnswer, news?: DeskNews, kept?: Y.Doc) => {
    autosaver.cancel()
    leaveShared(get().shared)
    // Before joining: news of the standing that came during the join, newer, is set as it joins.
    set({ deskSync: joined?.shared ? joined.sync : undefined })
    const shared = joinIfShared(article.id, joined, news, kept)
    agreed = shared && readStoryDetails(shared.doc)
    // Opened again (as a shared story, or reloaded) is not leaving it.
    if (get().article?.id !== article.id) discardIfUntouched(get().article)
    loadSuggestionRecords(article.suggestions)
    const previous = get().article?.id
    if (previous && previous !== article.id) void client.invoke('article:unlock', { id: previous })
    if (previous !== article.id) {
      set({ lock: undefined })
      void requestLock(article.id)
    }
    set((state) => ({
      article,
      loadCount: state.loadCount + 1,
      form: formFromArticle(article),
      editCount: 0,
      savedEditCount: 0,
      saveState: { kind: 'idle' },
      openError: undefined,
      shared,
    }))
  }

  const openNow = async (id: string, ticket: number): Promise<boolean> => {
    if (!(await get().save())) return false
    const news = collectDeskNews(id)
    const kept = takeStoryDoc(id)
    const [result, joined] = await Promise.all([
      client.invoke('article:open', { id }),
      client.invoke('desk:join', {
        id,
        ...(kept && { stateVector: toBase64(Y.encodeStateVector(kept)) }),
      }),
    ])
    const leaveUnused = () => {
      news.stop()
      kept?.destroy()
      if (joined.ok && joined.value.shared) void client.invoke('desk:leave', { id })
    }
    // Another article was asked for meanwhile, or typing went on in this one: that wins.
    if (!tickets.isLatest(ticket) || !(await get().save()) || !tickets.isLatest(ticket)) {
      leaveUnused()
      return false
    }
    if (!result.ok) {
      leaveUnused()
      set({ openError: result.error.message })
      return false
    }
    if (!joined.ok) {
      leaveUnused()
      set({ openError: joined.error.message })
      return false
    }
    if (!joined.value.shared) {
      news.stop()
      kept?.destroy()
    }
    load(result.value, joined.value, news, kept)
    return true
  }

  const createNow = async (ticket: number): Promise<void> => {
    // A person types the headline straight after asking for a new story; those keys belong
    // to it, not to the story still on screen while this one is made.
    const enteredMeanwhile = holdEnteredText()
    const made = await makeArticle(ticket)
    if (!made) {
      enteredMeanwhile.release()
      return
    }
    const previousHeadline = useFieldEditors.getState().editors.Headline
    load(made)
    untouchedDraft.made(made.id)
    focusWhenRemounted('Headline', previousHeadline, (headline) => {
      // TipTap's focus command waits a frame; keys must not fall between the two.
      headline.view.focus()
      const typed = enteredMeanwhile.release()
      if (typed) headline.commands.insertContent(typed)
    })
  }

  return {
    loadCount: 0,
    editCount: 0,
    savedEditCount: 0,
    saveState: { kind: 'idle' },
    bodyCounts: NO_COUNTS,

    setBodySource: (bodySource) => set({ bodySource }),
    setBodyCounts: (bodyCounts) => set({ bodyCounts }),

    open(id, { again = false } = {}) {
      if (!again) {
        if (opening?.id === id && tickets.isLatest(opening.ticket) && !tickets.settled)
          return opening.done
        if (tickets.settled && get().article?.id === id) {
          if (get().openError !== undefined) set({ openError: undefined })
          return Promise.resolve(true)
        }
      }
      const ticket = tickets.issue()
      const done = openNow(id, ticket).finally(() => tickets.settle(ticket))
      opening = { id, ticket, done }
      return done
    },

    async openAtStart(id) {
      return tickets.anyIssued ? false : get().open(id)
    },

    async create() {
      const ticket = tickets.issue()
      try {
        await createNow(ticket)
      } finally {
        tickets.settle(ticket)
      }
    },

    edit(patch) {
      const { form, lock } = get()
      if (!form || lock?.editable === false) return
      // The slug follows the headline until someone sets it by hand.
      const slugFollows =
        patch.headline !== undefined &&
        patch.slug === undefined &&
        form.slug === slugify(form.headline)
      edited({
        form: { ...form, ...patch, ...(slugFollows && { slug: slugify(patch.headline ?? '') }) },
      })
    },

    bodyEdited: () => {
      if (get().lock?.editable !== false) edited()
    },

    async takeOver() {
      const id = get().article?.id
      if (!id) return
      await requestLock(id)
      // Edits kept while it was read-only are saved as soon as it is this copy's again.
      if (get().lock?.editable && isDirty(get())) await get().save()
    },

    save: () => {
      const { shared } = get()
      if (!shared) return autosaver.flush()
      if (shareTimer !== undefined) shareDetails()
      return shared.handedOver()
    },

    async close() {
      if (!(await get().save())) return false
      autosaver.cancel()
      leaveShared(get().shared)
      discardIfUntouched(get().article)
      const id = get().article?.id
      if (id) void client.invoke('article:unlock', { id })
      set({
        lock: undefined,
        article: undefined,
        form: undefined,
        editCount: 0,
        savedEditCount: 0,
        saveState: { kind: 'idle' },
        shared: undefined,
        deskSync: undefined,
      })
      return true
    },

    async restoreVersion(versionId) {
      if (!(await get().save())) return false
      const { article, shared } = get()
      if (!article) return false
      const restored = await client.invoke('version:restore', {
        articleId: article.id,
        versionId,
        baseRevision: article.revision,
      })
      if (!restored.ok) return autosaver.failed(restored.error)
      // A shared story's restored text arrives as a change to its document, like anyone's.
      if (shared) return true
      load(restored.value)
      return true
    },

    async keepMineAsCopy() {
      const { article, form } = get()
      if (!article || !form) return
      const copy = await client.invoke('article:save-as-copy', {
        id: article.id,
        fields: fieldsFromForm(form, currentBody(get())),
      })
      if (!copy.ok) return void autosaver.failed(copy.error)
      load(copy.value)
    },

    async restoreRecovered(offer) {
      if (!(await get().save())) return false
      const ticket = tickets.issue()
      const current = offer.saved
        ? await client.invoke('article:open', { id: offer.articleId })
        : await client.invoke('article:create', offer.fields)
      if (!current.ok || !tickets.isLatest(ticket)) {
        if (!current.ok) set({ openError: current.error.message })
        return false
      }
      if (!offer.saved) {
        load(current.value)
        journal.clear(offer.articleId)
        return true
      }
      load({ ...current.value, ...offer.fields, revision: offer.baseRevision })
      edited()
      return true
    },

    async changedOnDisk(id, revisionOnDisk) {
      const open = get().article
      // A shared story's file is written by main from the shared document this page edits.
      if (open?.id !== id || get().shared) return
      // Our own save, seen on disk, is not news; nor worth reading a long story again to learn it.
      if (revisionOnDisk !== undefined && revisionOnDisk <= open.revision) return
      const onDisk = await client.invoke('article:open', { id })
      const current = get()
      if (!onDisk.ok || current.article?.id !== id) return
      // The change named no revision, or our save's answer came while the article was read.
      if (onDisk.value.revision <= (current.article?.revision ?? 0)) return
      if (!isDirty(current) && !autosaver.saving) {
        load(onDisk.value)
        return
      }
      autosaver.cancel()
      set({
        saveState: {
          kind: 'failed',
          retrying: false,
          failure: {
            kind: 'conflict',
            message: `Someone else saved this article (revision ${onDisk.value.revision}) while you were editing it.`,
            currentRevision: onDisk.value.revision,
          },
        },
      })
    },

    async loadTheirs() {
      const { article } = get()
      if (!article) return
      const theirs = await client.invoke('article:open', { id: article.id })
      if (!theirs.ok) return void autosaver.failed(theirs.error)
      load(theirs.value)
    },
  }
})

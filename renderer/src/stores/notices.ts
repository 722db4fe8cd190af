import { create } from 'zustand'

/** What a notice offers to do about what it reports: "Undo" after Move to trash. */
export interface NoticeAction {
  label: string
  run(): unknown
}

export interface Notice {
  id: number
  kind: 'info' | 'error'
  message: string
  /** A notice about one ongoing matter (a failing save) replaces its earlier self. */
  topic?: string
  action?: NoticeAction
}

/** Information goes by itself after a while; errors stay until dismissed. */
const INFO_SECONDS = 6
/** Long enough to read the notice, find its button and think again. */
const ACTION_SECONDS = 12

let nextId = 1

/** Non-blocking notifications: "Saved", "Exported story.html", and failures with what to do. */
export const useNotices = create<{
  notices: Notice[]
  notify(message: string, kind?: Notice['kind'], topic?: string, action?: NoticeAction): void
  dismiss(id: number): void
  /** The matter is over (the save went through): its notice goes. */
  settle(topic: string): void
}>((set, get) => ({
  notices: [],
  notify(message, kind = 'info', topic, action) {
    // The same matter in the same words (a save retried and failing again) is not news.
    if (
      topic &&
      get().notices.some((notice) => notice.topic === topic && notice.message === message)
    )
      return
    const id = nextId++
    set((state) => {
      const others = state.notices.filter((notice) => !topic || notice.topic !== topic)
      const notice: Notice = {
        id,
        kind,
        message,
        ...(topic && { topic }),
        ...(action && { action }),
      }
      return { notices: [...others.slice(-3), notice] }
    })
    if (kind === 'info')
      setTimeout(() => get().dismiss(id), (action ? ACTION_SECONDS : INFO_SECONDS) * 1000)
  },
  dismiss: (id) =>
    set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  settle: (topic) =>
    set((state) => ({ notices: state.notices.filter((notice) => notice.topic !== topic) })),
}))

export const notify = (message: string, kind?: Notice['kind'], action?: NoticeAction) =>
  useNotices.getState().notify(message, kind, undefined, action)

import { create } from 'zustand'

export interface Notice {
  id: number
  kind: 'info' | 'error'
  message: string
}

/** Information goes by itself after a while; errors stay until dismissed. */
const INFO_SECONDS = 6

let nextId = 1

/** Non-blocking notifications: "Saved", "Exported story.html", and failures with what to do. */
export const useNotices = create<{
  notices: Notice[]
  notify(message: string, kind?: Notice['kind']): void
  dismiss(id: number): void
}>((set, get) => ({
  notices: [],
  notify(message, kind = 'info') {
    const id = nextId++
    set((state) => ({ notices: [...state.notices.slice(-3), { id, kind, message }] }))
    if (kind === 'info') setTimeout(() => get().dismiss(id), INFO_SECONDS * 1000)
  },
  dismiss: (id) =>
    set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}))

export const notify = (message: string, kind?: Notice['kind']) =>
  useNotices.getState().notify(message, kind)

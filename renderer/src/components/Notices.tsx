import { useNotices, type Notice } from '../stores/notices'

/** The notifications, in a corner: announced to screen readers as they arrive. */
export function Notices() {
  const notices = useNotices((state) => state.notices)
  const dismiss = useNotices((state) => state.dismiss)
  // The notice goes as its action starts: pressed twice, Undo would restore twice.
  const act = (notice: Notice) => {
    dismiss(notice.id)
    void notice.action?.run()
  }
  return (
    <section className="notices" aria-label="Notifications">
      {notices.map((notice) => (
        <div
          key={notice.id}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`notice-item ${notice.kind}`}
        >
          <p>{notice.message}</p>
          {notice.action && (
            <button type="button" className="notice-action" onClick={() => act(notice)}>
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            onClick={() => dismiss(notice.id)}
            aria-label="Dismiss notification"
          >
            ×
          </button>
        </div>
      ))}
    </section>
  )
}

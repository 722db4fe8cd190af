import { useNotices } from '../stores/notices'

/** The notifications, in a corner: announced to screen readers as they arrive. */
export function Notices() {
  const notices = useNotices((state) => state.notices)
  const dismiss = useNotices((state) => state.dismiss)
  return (
    <section className="notices" aria-label="Notifications">
      {notices.map((notice) => (
        <div
          key={notice.id}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`notice-item ${notice.kind}`}
        >
          <p>{notice.message}</p>
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

import { useState } from 'react'
import { useEditorStore } from '../stores/editor-store'
import { formatPeopleTime } from '../../../shared/format/people-time'

/** Says who has the open article for editing, and offers to take it over once their lock is stale. */
export function LockNotice() {
  const lock = useEditorStore((state) => state.lock)
  const takeOver = useEditorStore((state) => state.takeOver)
  const [tried, setTried] = useState(false)
  if (!lock || lock.editable) return null
  const { name, since, elsewhere } = lock.holder
  if (elsewhere === 'window') {
    return (
      <div className="lock-notice" role="status" aria-label="Article lock">
        <p>
          Open for editing in another window or tab since {formatPeopleTime(since)}. You can read it
          here; editing is off until that window closes it or opens another story.
        </p>
        {tried && <p>That window still has it open: close it there, then take over here.</p>}
        <TakeOver onClick={() => setTried(true)} takeOver={takeOver} />
      </div>
    )
  }
  return (
    <div className="lock-notice" role="status" aria-label="Article lock">
      <p>
        Locked by {name} since {formatPeopleTime(since)}. You can read it; editing is off until they
        close it.
      </p>
      {tried && (
        <p>
          {name} still has it open. You can take over once their app has not refreshed the lock for
          30 seconds (it was closed without saying so, or the network went away).
        </p>
      )}
      <TakeOver onClick={() => setTried(true)} takeOver={takeOver} />
    </div>
  )
}

function TakeOver({ onClick, takeOver }: { onClick: () => void; takeOver: () => Promise<void> }) {
  return (
    <button
      type="button"
      onClick={() => {
        onClick()
        void takeOver()
      }}
    >
      Take over
    </button>
  )
}

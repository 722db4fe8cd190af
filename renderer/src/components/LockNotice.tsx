import { useState } from 'react'
import { useEditorStore } from '../stores/editor-store'
import { formatUpdated } from './relative-time'

/** Says who has the open article for editing, and offers to take it over once their lock is stale. */
export function LockNotice() {
  const lock = useEditorStore((state) => state.lock)
  const takeOver = useEditorStore((state) => state.takeOver)
  const [tried, setTried] = useState(false)
  if (!lock || lock.editable) return null
  const { name, since } = lock.holder
  return (
    <div className="lock-notice" role="status" aria-label="Article lock">
      <p>
        Locked by {name} since {formatUpdated(since)}. You can read it; editing is off until they
        close it.
      </p>
      {tried && (
        <p>
          {name} still has it open. You can take over once their app has not refreshed the lock for
          30 seconds (it was closed without saying so, or the network went away).
        </p>
      )}
      <button
        type="button"
        onClick={() => {
          setTried(true)
          void takeOver()
        }}
      >
        Take over
      </button>
    </div>
  )
}

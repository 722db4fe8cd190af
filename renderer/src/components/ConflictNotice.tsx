import { useEditorStore } from '../stores/editor-store'

/** After a refused save: the person chooses, and nothing is lost either way. */
export function ConflictNotice() {
  const conflict = useEditorStore(
    (state) => state.saveState.kind === 'failed' && state.saveState.failure.kind === 'conflict',
  )
  const keepMineAsCopy = useEditorStore((state) => state.keepMineAsCopy)
  const loadTheirs = useEditorStore((state) => state.loadTheirs)
  if (!conflict) return null
  return (
    <div
      className="conflict"
      role="alertdialog"
      aria-label="Changed elsewhere"
      aria-describedby="conflict-text"
    >
      <p id="conflict-text">
        Someone else saved this article while you were editing it. Keep your version as a new
        article, or load theirs and drop your edits.
      </p>
      <button type="button" className="primary" onClick={() => void keepMineAsCopy()}>
        Keep mine as a copy
      </button>
      <button type="button" onClick={() => void loadTheirs()}>
        Load theirs
      </button>
    </div>
  )
}

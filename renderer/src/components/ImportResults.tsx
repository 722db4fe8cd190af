import type { ImportOutcome } from '../stores/use-import-files'

/** What an import made, what it left out or guessed, and which files it refused and why. */
export function ImportResults({
  outcome,
  onDismiss,
}: {
  outcome: ImportOutcome
  onDismiss: () => void
}) {
  return (
    <section className="import-results" aria-label="Import results">
      {outcome.imported.map(({ id, headline, notes }) => (
        <div key={id} role="status">
          <p>Imported “{headline}”.</p>
          {notes.length > 0 && (
            <ul>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {outcome.failures.map((failure) => (
        <p key={failure} role="alert" className="error">
          {failure}
        </p>
      ))}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  )
}

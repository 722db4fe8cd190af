import { useEditorStore } from '../stores/editor-store'

/** Live counts for the body, updated when typing pauses. */
export function CountsPanel() {
  const { words, characters, readingMinutes } = useEditorStore((state) => state.bodyCounts)
  return (
    <section className="counts" aria-label="Body counts">
      <h2>Counts</h2>
      <dl>
        <dt>Words</dt>
        <dd>{words.toLocaleString()}</dd>
        <dt>Characters</dt>
        <dd>{characters.toLocaleString()}</dd>
        <dt>Reading time</dt>
        <dd>{readingMinutes === 0 ? '–' : `${readingMinutes} min`}</dd>
      </dl>
    </section>
  )
}

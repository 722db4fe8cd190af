import { useEditorStore } from '../stores/editor-store'
import { Panel } from './Panel'

/** Live counts for the body, updated when typing pauses. */
export function CountsPanel() {
  const { words, characters, readingMinutes } = useEditorStore((state) => state.bodyCounts)
  return (
    <Panel id="counts" name="Body counts" title="Counts">
      <dl>
        <dt>Words</dt>
        <dd>{words.toLocaleString()}</dd>
        <dt>Characters</dt>
        <dd>{characters.toLocaleString()}</dd>
        <dt>Reading time</dt>
        <dd>{readingMinutes === 0 ? '–' : `${readingMinutes} min`}</dd>
      </dl>
    </Panel>
  )
}

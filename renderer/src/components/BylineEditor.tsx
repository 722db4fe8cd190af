import type { BylineRow } from '../stores/article-form'
import { useEditorStore } from '../stores/editor-store'
import { STORY_FIELD_ATTRIBUTE } from '../editor/story-fields'
import { StyleHint } from './StyleHint'

/** One or more people, each with an optional role ("Reporter", "Additional reporting"). */
export function BylineEditor({ byline }: { byline: BylineRow[] }) {
  const edit = useEditorStore((state) => state.edit)
  const update = (index: number, patch: Partial<BylineRow>) =>
    edit({ byline: byline.map((row, i) => (i === index ? { ...row, ...patch } : row)) })

  return (
    <div className="field byline">
      <span className="field-label" aria-hidden="true">
        Byline
      </span>
      <ul aria-label="Byline">
        {byline.map((row, index) => (
          <li key={index}>
            <input
              aria-label="Name"
              value={row.name}
              placeholder="Name"
              onChange={(event) => update(index, { name: event.target.value })}
              {...(index === 0 && { [STORY_FIELD_ATTRIBUTE]: '' })}
            />
            <input
              aria-label="Role"
              value={row.role}
              placeholder="Role (optional)"
              list="byline-roles"
              onChange={(event) => update(index, { role: event.target.value })}
            />
            <button
              type="button"
              aria-label={`Remove ${row.name || 'this person'} from the byline`}
              onClick={() => edit({ byline: byline.filter((_, i) => i !== index) })}
            >
              Remove
            </button>
            <StyleHint field="Name" value={row.name} onFix={(name) => update(index, { name })} />
          </li>
        ))}
      </ul>
      <datalist id="byline-roles">
        <option value="Reporter" />
        <option value="Additional reporting" />
        <option value="Political editor" />
        <option value="Photographer" />
        <option value="Correspondent" />
      </datalist>
      <button type="button" onClick={() => edit({ byline: [...byline, { name: '', role: '' }] })}>
        Add byline
      </button>
    </div>
  )
}

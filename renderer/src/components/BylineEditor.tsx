import {
  suggestAddition,
  suggestNameChange,
  suggestRemoval,
} from '../../../shared/suggestions/byline-suggestions'
import type { BylineRow } from '../stores/article-form'
import { useEditorStore } from '../stores/editor-store'
import { newSuggestionId, useSuggestMode } from '../stores/suggestion-store'
import { STORY_FIELD_ATTRIBUTE } from '../editor/story-fields'
import { Icon } from './icons/icons'
import { StyleHint } from './StyleHint'

/** One or more people, each with an optional role ("Reporter", "Additional reporting"). */
export function BylineEditor({ byline }: { byline: BylineRow[] }) {
  const edit = useEditorStore((state) => state.edit)
  const suggesting = useSuggestMode((state) => state.enabled)
  const update = (index: number, patch: Partial<BylineRow>) =>
    edit({ byline: byline.map((row, i) => (i === index ? { ...row, ...patch } : row)) })
  const rename = (index: number, name: string) =>
    suggesting
      ? edit({
          byline: byline.map((row, i) =>
            i === index ? suggestNameChange(row, name, newSuggestionId) : row,
          ),
        })
      : update(index, { name })
  const remove = (index: number) =>
    edit({
      byline: suggesting
        ? suggestRemoval(byline, index, newSuggestionId)
        : byline.filter((_, i) => i !== index),
    })
  const add = () => {
    const row = { name: '', role: '' }
    edit({ byline: suggesting ? suggestAddition(byline, row, newSuggestionId) : [...byline, row] })
  }

  return (
    <div className="field byline">
      <span className="field-label" aria-hidden="true">
        Byline
      </span>
      <ul aria-label="Byline">
        {byline.map((row, index) => (
          <li
            key={index}
            className={row.suggestion ? `suggested-${row.suggestion.kind}` : undefined}
          >
            <input
              aria-label="Name"
              value={row.name}
              placeholder="Name"
              readOnly={row.suggestion?.kind === 'delete'}
              onChange={(event) => rename(index, event.target.value)}
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
              className="tool"
              aria-label={`Remove ${row.name || 'this person'} from the byline`}
              title={`Remove ${row.name || 'this person'} from the byline`}
              onClick={() => remove(index)}
              disabled={row.suggestion?.kind === 'delete'}
            >
              <Icon name="close" />
            </button>
            {row.suggestion?.kind === 'replace' && (
              <span className="suggested-replacement">
                Suggested change from <del>{row.suggestion.previousName}</del>
              </span>
            )}
            {row.suggestion?.kind === 'delete' && (
              <span className="suggested-replacement">Suggested removal</span>
            )}
            <StyleHint field="Name" value={row.name} onFix={(name) => rename(index, name)} />
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
      <button type="button" className="add-byline" onClick={add}>
        <Icon name="plus" />
        Add byline
      </button>
    </div>
  )
}

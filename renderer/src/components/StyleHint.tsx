import { applyMatch, checkText } from '../../../shared/style/check'
import { useEditorStore } from '../stores/editor-store'
import { ignoreKey, useStyleStore } from '../stores/style-store'

interface Props {
  /** Names the field for screen readers: "House style for Credit". */
  field: string
  value: string
  onFix: (fixed: string) => void
}

/**
 * House style for a plain input (byline names, credits, alt text), which cannot show underlines:
 * the matches are listed right under it, with the same fix and ignore as the Style panel.
 */
export function StyleHint({ field, value, onFix }: Props) {
  const rules = useStyleStore((state) => state.rules)
  const ignored = useEditorStore((state) => state.form?.styleIgnores)
  const edit = useEditorStore((state) => state.edit)
  const matches = value
    ? checkText(value, rules).filter((match) => !ignored?.includes(ignoreKey(match)))
    : []
  if (matches.length === 0) return null
  return (
    <ul className="style-hints" aria-label={`House style for ${field}`}>
      {matches.map((match) => (
        <li key={`${match.ruleId}-${match.from}`}>
          <span className="style-match">{match.text}</span>
          {match.replacement !== undefined && <> → {match.replacement}</>}: {match.explanation}{' '}
          {match.replacement !== undefined && (
            <button type="button" onClick={() => onFix(applyMatch(value, match))}>
              Apply fix
            </button>
          )}
          <button
            type="button"
            onClick={() => edit({ styleIgnores: [...(ignored ?? []), ignoreKey(match)] })}
          >
            Ignore
          </button>
        </li>
      ))}
    </ul>
  )
}

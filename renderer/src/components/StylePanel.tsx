import { useRef, useState } from 'react'
import { Panel } from './Panel'
import { STYLE_CATEGORIES } from '../../../shared/style/rules'
import { client } from '../api/client'
import { useStyleStore, type PlacedMatch } from '../stores/style-store'

const SHOWN = 30

/** House style: matches counted by category, each with its explanation, a fix and Ignore. */
export function StylePanel() {
  const matches = useStyleStore((state) => state.matches)
  const selected = useStyleStore((state) => state.selected)
  const problems = useStyleStore((state) => state.problems)
  const apply = useStyleStore((state) => state.apply)
  const ignore = useStyleStore((state) => state.ignore)
  const load = useStyleStore((state) => state.load)
  const fileInput = useRef<HTMLInputElement>(null)
  const [importMessage, setImportMessage] = useState<string>()

  const all = [...matches.Headline, ...matches.Standfirst, ...matches.Body]
  const ordered = selected ? [selected, ...all.filter((match) => !sameMatch(match, selected))] : all
  const counts = STYLE_CATEGORIES.map(
    (category) => [category, all.filter((match) => match.category === category).length] as const,
  )

  const importPack = async (file: File | undefined) => {
    if (!file) return
    const result = await client.invoke('style:import', {
      fileName: file.name,
      text: await file.text(),
    })
    setImportMessage(
      result.ok
        ? `Imported “${result.value.name}” (${result.value.rules.length} rules).`
        : result.error.message,
    )
    if (result.ok) await load()
  }

  return (
    <Panel id="style" name="Style" title="Style">
      <dl className="style-counts">
        {counts
          .filter(([, count]) => count > 0)
          .map(([category, count]) => (
            <div key={category}>
              <dt>{category}</dt>
              <dd>{count}</dd>
            </div>
          ))}
      </dl>
      {all.length === 0 && <p className="hint">No house-style matches.</p>}
      <ul aria-label="Style matches">
        {ordered.slice(0, SHOWN).map((match) => (
          <li
            key={`${match.field}-${match.from}-${match.ruleId}`}
            className={selected && sameMatch(match, selected) ? 'selected' : ''}
          >
            <span>
              <strong>{match.field}</strong>: “{match.text}”
              {match.replacement !== undefined && <> → “{match.replacement}”</>}
            </span>
            <span className="hint">{match.explanation}</span>
            <span className="version-actions">
              {match.replacement !== undefined && (
                <button
                  type="button"
                  aria-label={`Apply fix: ${match.text}`}
                  onClick={() => apply(match)}
                >
                  Apply fix
                </button>
              )}
              <button
                type="button"
                aria-label={`Ignore: ${match.text}`}
                onClick={() => ignore(match)}
              >
                Ignore
              </button>
            </span>
          </li>
        ))}
      </ul>
      {all.length > SHOWN && <p className="hint">{all.length - SHOWN} more not shown.</p>}
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import rule pack
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Choose a rule pack"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          void importPack(file)
        }}
      />
      {importMessage && <p role="status">{importMessage}</p>}
      {problems.map((problem) => (
        <p key={problem} className="error">
          {problem}
        </p>
      ))}
    </Panel>
  )
}

const sameMatch = (a: PlacedMatch, b: PlacedMatch) =>
  a.field === b.field && a.from === b.from && a.ruleId === b.ruleId

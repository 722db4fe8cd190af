import type { BylineSuggestion } from '../article/schema'
import type { SuggestionSummary } from './list-suggestions'

/** A byline row as the form holds it while a person types. */
export interface SuggestibleBylineRow {
  name: string
  role: string
  suggestion?: BylineSuggestion
}

type NewId = () => string

/** Changing a name in Suggest edits keeps the name it replaces until the change is resolved. */
export function suggestNameChange<Row extends SuggestibleBylineRow>(
  row: Row,
  name: string,
  newId: NewId,
): Row {
  const { suggestion } = row
  if (suggestion?.kind === 'delete') return row
  if (suggestion?.kind === 'insert') return { ...row, name }
  const previousName = suggestion?.previousName ?? row.name
  if (name === previousName) return { ...row, name, suggestion: undefined }
  return {
    ...row,
    name,
    suggestion: { id: suggestion?.id ?? newId(), kind: 'replace', previousName },
  }
}

/** Removing a person proposes the removal; removing a person someone proposed withdraws them. */
export function suggestRemoval<Row extends SuggestibleBylineRow>(
  rows: Row[],
  index: number,
  newId: NewId,
): Row[] {
  return rows.flatMap((row, i) => {
    if (i !== index) return [row]
    if (row.suggestion?.kind === 'insert') return []
    const name = row.suggestion?.previousName ?? row.name
    return [{ ...row, name, suggestion: { id: newId(), kind: 'delete' as const } }]
  })
}

export function suggestAddition<Row extends SuggestibleBylineRow>(
  rows: Row[],
  row: Row,
  newId: NewId,
): Row[] {
  return [...rows, { ...row, suggestion: { id: newId(), kind: 'insert' } }]
}

/** Resolves the byline suggestion `id` (every one when `id` is undefined). */
export function resolveBylineSuggestions<Row extends SuggestibleBylineRow>(
  rows: Row[],
  accept: boolean,
  id?: string,
): Row[] {
  return rows.flatMap((row) => {
    const { suggestion } = row
    if (!suggestion || (id !== undefined && suggestion.id !== id)) return [row]
    const settled = { ...row, suggestion: undefined }
    switch (suggestion.kind) {
      case 'insert':
        return accept ? [settled] : []
      case 'delete':
        return accept ? [] : [settled]
      case 'replace':
        return [accept ? settled : { ...settled, name: suggestion.previousName ?? row.name }]
    }
  })
}

export function listBylineSuggestions(rows: SuggestibleBylineRow[]): SuggestionSummary[] {
  return rows.flatMap(({ name, suggestion }) => {
    if (!suggestion) return []
    const base = { id: suggestion.id, field: 'Byline' as const }
    switch (suggestion.kind) {
      case 'insert':
        return [{ ...base, inserted: name, deleted: '' }]
      case 'delete':
        return [{ ...base, inserted: '', deleted: name }]
      case 'replace':
        return [{ ...base, inserted: name, deleted: suggestion.previousName ?? '' }]
    }
  })
}

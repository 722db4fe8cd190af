import { describe, expect, it } from 'vitest'

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value')
  return value
}
import {
  listBylineSuggestions,
  resolveBylineSuggestions,
  suggestAddition,
  suggestNameChange,
  suggestRemoval,
  type SuggestibleBylineRow,
} from './byline-suggestions'

let next = 0
const newId = () => `b${++next}`
const jo: SuggestibleBylineRow = { name: 'Jo Smith', role: 'Reporter' }
const sam: SuggestibleBylineRow = { name: 'Sam Lee', role: '' }

describe('byline suggestions', () => {
  it('a name typed letter by letter is one change from the original name', () => {
    let row = suggestNameChange(jo, 'Jo Smit', newId)
    row = suggestNameChange(row, 'Jo Smyth', newId)
    expect(row.suggestion).toEqual({
      id: expect.any(String),
      kind: 'replace',
      previousName: 'Jo Smith',
    })
    expect(listBylineSuggestions([row])).toEqual([
      { id: must(row.suggestion).id, field: 'Byline', inserted: 'Jo Smyth', deleted: 'Jo Smith' },
    ])
    expect(suggestNameChange(row, 'Jo Smith', newId).suggestion).toBeUndefined()
  })

  it('accepting keeps the proposal; rejecting gives back exactly what was there', () => {
    const renamed = suggestNameChange(jo, 'Joanna Smith', newId)
    const added = suggestAddition([renamed, sam], { name: 'Ali Khan', role: '' }, newId)
    const proposed = suggestRemoval(added, 1, newId)
    expect(resolveBylineSuggestions(proposed, true).map((row) => row.name)).toEqual([
      'Joanna Smith',
      'Ali Khan',
    ])
    expect(resolveBylineSuggestions(proposed, false)).toEqual([
      { ...jo, suggestion: undefined },
      { ...sam, suggestion: undefined },
    ])
  })

  it('resolves one suggestion by id and leaves the others', () => {
    const rows = suggestRemoval([suggestNameChange(jo, 'J. Smith', newId), sam], 1, newId)
    const renameId = must(must(rows[0]).suggestion).id
    const after = resolveBylineSuggestions(rows, false, renameId)
    expect(after[0]).toEqual({ ...jo, suggestion: undefined })
    expect(must(after[1]).suggestion?.kind).toBe('delete')
  })

  it('withdrawing a proposed person removes them outright; a proposed removal blocks renaming', () => {
    const added = suggestAddition([jo], { name: 'Ali Khan', role: '' }, newId)
    expect(suggestRemoval(added, 1, newId)).toEqual([jo])
    const removing = must(suggestRemoval([jo], 0, newId)[0])
    expect(suggestNameChange(removing, 'Other', newId)).toBe(removing)
  })
})

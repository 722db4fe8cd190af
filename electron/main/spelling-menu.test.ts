import { describe, expect, it, vi } from 'vitest'
import { spellingMenu } from './spelling-menu'

describe('spelling context menu', () => {
  it('offers suggestions and Add to dictionary for a misspelled word, then the editing commands', () => {
    const actions = { replace: vi.fn(), addToDictionary: vi.fn() }
    const menu = spellingMenu(
      { misspelledWord: 'Ngaio', dictionarySuggestions: ['Ngaire', 'Naio'], isEditable: true },
      actions,
    )
    expect(menu.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'Ngaire',
      'Naio',
      'Add to dictionary',
      'separator',
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'Paste as plain text',
      'selectAll',
    ])
    ;(menu[0]?.click as () => void)()
    expect(actions.replace).toHaveBeenCalledWith('Ngaire')
    ;(menu[2]?.click as () => void)()
    expect(actions.addToDictionary).toHaveBeenCalledWith('Ngaio')
  })

  it('says when there are no suggestions, and offers only copying outside editable text', () => {
    const actions = { replace: vi.fn(), addToDictionary: vi.fn() }
    expect(
      spellingMenu(
        { misspelledWord: 'Xqzt', dictionarySuggestions: [], isEditable: true },
        actions,
      )[0],
    ).toEqual({
      label: 'No suggestions',
      enabled: false,
    })
    expect(
      spellingMenu(
        { misspelledWord: '', dictionarySuggestions: [], isEditable: false },
        actions,
      ).map((item) => item.role),
    ).toEqual(['copy', 'selectAll'])
  })
})

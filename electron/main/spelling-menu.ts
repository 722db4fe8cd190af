import type { MenuItemConstructorOptions } from 'electron'

export interface SpellingContext {
  misspelledWord: string
  dictionarySuggestions: string[]
  isEditable: boolean
}

export interface SpellingActions {
  replace(word: string): void
  addToDictionary(word: string): void
}

/**
 * The context menu Electron does not provide: spelling suggestions, "Add to dictionary", and the
 * usual editing commands. Built as data so it can be tested without Electron.
 */
export function spellingMenu(
  context: SpellingContext,
  actions: SpellingActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  if (context.misspelledWord) {
    for (const suggestion of context.dictionarySuggestions.slice(0, 6)) {
      items.push({ label: suggestion, click: () => actions.replace(suggestion) })
    }
    if (context.dictionarySuggestions.length === 0)
      items.push({ label: 'No suggestions', enabled: false })
    items.push(
      { label: 'Add to dictionary', click: () => actions.addToDictionary(context.misspelledWord) },
      { type: 'separator' },
    )
  }
  if (context.isEditable) {
    items.push(
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle', label: 'Paste as plain text' },
      { role: 'selectAll' },
    )
  } else {
    items.push({ role: 'copy' }, { role: 'selectAll' })
  }
  return items
}

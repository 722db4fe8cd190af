import { Menu, type BrowserWindow } from 'electron'
import type { SettingsStore } from '../services/settings/settings-store'
import { spellingMenu } from './spelling-menu'

/** Electron's built-in spellchecker with our context menu; "Add to dictionary" also goes into settings. */
export function installSpelling(window: BrowserWindow, settings: SettingsStore): void {
  const contents = window.webContents
  contents.on('context-menu', (_event, params) => {
    const template = spellingMenu(params, {
      replace: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => {
        contents.session.addWordToSpellCheckerDictionary(word)
        const dictionary = settings.get().dictionary
        if (!dictionary.includes(word)) void settings.update({ dictionary: [...dictionary, word] })
      },
    })
    Menu.buildFromTemplate(template).popup({ window })
  })
}

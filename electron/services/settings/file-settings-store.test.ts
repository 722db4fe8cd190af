import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileSettingsStore } from './file-settings-store'
import { createNodeServices } from '../platform/node-services'
import { makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let path: string
beforeEach(() => {
  temp = makeTempDir()
  path = join(temp.path, 'config', 'settings.json')
})
afterEach(() => temp.remove())

describe('FileSettingsStore', () => {
  it('starts from defaults and persists updates', async () => {
    const store = new FileSettingsStore(path, { headlineLimit: 80 })
    expect(store.get()).toEqual({
      displayName: '',
      recentArticles: [],
      headlineLimit: 80,
      standfirstLimit: 200,
      dictionary: [],
      language: 'en',
      imageBaseUrl: '',
      theme: 'system',
      panelsHidden: false,
      collapsedPanels: [],
      deskAddress: '',
      quotesMustBeChecked: false,
    })
    await store.update({ displayName: 'Ana Lee' })
    expect(new FileSettingsStore(path, { headlineLimit: 80 }).get()).toMatchObject({
      displayName: 'Ana Lee',
      headlineLimit: 80,
    })
  })

  it('never makes up a name: the CLI and the host start with none, and write none', async () => {
    // Once they gave the operating-system login ("root") as the name: bylines said ROOT.
    const services = createNodeServices({
      libraryFlag: join(temp.path, 'library'),
      env: { COPYDESK_CONFIG_DIR: join(temp.path, 'config'), USER: 'root', LOGNAME: 'root' },
    })
    expect(services.settings.get().displayName).toBe('')
    await services.settings.update({ theme: 'dark' })
    const written = join(temp.path, 'config', 'settings.json')
    expect(JSON.parse(readFileSync(written, 'utf8'))).toMatchObject({ displayName: '' })
    // A name the person gave is theirs from then on.
    await services.settings.update({ displayName: 'Ana Lee' })
    expect(new FileSettingsStore(written).get().displayName).toBe('Ana Lee')
    await services.close()
  })

  it('keeps a stored value the defaults do not have', async () => {
    writeFileSync(
      join(temp.path, 'settings.json'),
      JSON.stringify({ libraryPath: '/srv/desk', displayName: 'Ana Lee' }),
    )
    const store = new FileSettingsStore(join(temp.path, 'settings.json'), { headlineLimit: 80 })
    expect(store.get()).toMatchObject({
      libraryPath: '/srv/desk',
      displayName: 'Ana Lee',
      headlineLimit: 80,
    })
  })

  it('reports a corrupt file, uses defaults, and leaves the file alone', () => {
    const corrupt = join(temp.path, 'settings.json')
    writeFileSync(corrupt, '{"displayName": 42')
    const store = new FileSettingsStore(corrupt, { headlineLimit: 80 })
    expect(store.loadProblem).toMatch(/is not valid JSON; defaults are used/)
    expect(store.get()).toMatchObject({ displayName: '', headlineLimit: 80 })
    expect(readFileSync(corrupt, 'utf8')).toBe('{"displayName": 42')
  })

  it('reports settings of the wrong shape by name', () => {
    const wrong = join(temp.path, 'settings.json')
    writeFileSync(wrong, JSON.stringify({ recentArticles: ['not-an-id'] }))
    expect(new FileSettingsStore(wrong).loadProblem).toMatch(
      /recentArticles\.0 invalid; defaults are used/,
    )
  })
})

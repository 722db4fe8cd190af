import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileSettingsStore } from './file-settings-store'
import { makeTempDir } from './test-support'

let temp: ReturnType<typeof makeTempDir>
let path: string
beforeEach(() => {
  temp = makeTempDir()
  path = join(temp.path, 'config', 'settings.json')
})
afterEach(() => temp.remove())

describe('FileSettingsStore', () => {
  it('starts from defaults and persists updates', async () => {
    const store = new FileSettingsStore(path, { displayName: 'ana' })
    expect(store.get()).toEqual({
      displayName: 'ana',
      recentArticles: [],
      headlineLimit: 70,
      standfirstLimit: 200,
      dictionary: [],
      language: 'en',
      imageBaseUrl: '',
      theme: 'system',
      panelsHidden: false,
      collapsedPanels: [],
    })
    await store.update({ displayName: 'Ana Lee' })
    expect(new FileSettingsStore(path, { displayName: 'ana' }).get().displayName).toBe('Ana Lee')
  })

  it('keeps a stored value the defaults do not have', async () => {
    writeFileSync(join(temp.path, 'settings.json'), JSON.stringify({ libraryPath: '/srv/desk' }))
    const store = new FileSettingsStore(join(temp.path, 'settings.json'), { displayName: 'ana' })
    expect(store.get()).toMatchObject({ libraryPath: '/srv/desk', displayName: 'ana' })
  })

  it('reports a corrupt file, uses defaults, and leaves the file alone', () => {
    const corrupt = join(temp.path, 'settings.json')
    writeFileSync(corrupt, '{"displayName": 42')
    const store = new FileSettingsStore(corrupt, { displayName: 'ana' })
    expect(store.loadProblem).toMatch(/is not valid JSON; defaults are used/)
    expect(store.get().displayName).toBe('ana')
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

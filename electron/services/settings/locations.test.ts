import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { configDirectory, resolveLibraryPath } from './locations'

describe('resolveLibraryPath', () => {
  it('prefers --library, then COPYDESK_LIBRARY, then the setting, then Documents/Copydesk', () => {
    const env = { COPYDESK_LIBRARY: '/env/lib' }
    expect(resolveLibraryPath({ flag: 'rel/lib', env, setting: '/set/lib' })).toBe(
      resolve('rel/lib'),
    )
    expect(resolveLibraryPath({ env, setting: '/set/lib' })).toBe('/env/lib')
    expect(resolveLibraryPath({ env: {}, setting: '/set/lib' })).toBe('/set/lib')
    expect(resolveLibraryPath({ env: {}, documentsDir: '/home/ana/Documents' })).toBe(
      '/home/ana/Documents/Copydesk',
    )
    expect(resolveLibraryPath({ env: {} })).toBe(join(homedir(), 'Documents', 'Copydesk'))
  })
})

describe('configDirectory', () => {
  it('honours COPYDESK_CONFIG_DIR', () => {
    expect(configDirectory({ COPYDESK_CONFIG_DIR: '/tmp/cfg' })).toBe('/tmp/cfg')
  })
})

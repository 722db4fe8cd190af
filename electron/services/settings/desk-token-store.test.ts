import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../shared/ipc/dispatch'
import { createTempServices, makeTempDir } from '../testing/test-support'
import { DeskTokenStore } from './desk-token-store'

let temp: ReturnType<typeof makeTempDir>

beforeEach(() => {
  temp = makeTempDir()
})
afterEach(() => temp.remove())

describe('the desk token', () => {
  it('is kept in a file only the person may read, and read back at the next start', async () => {
    const file = join(temp.path, 'config', 'desk-token')
    const store = new DeskTokenStore(file)
    expect(store.isSet()).toBe(false)
    await store.set(' cdk_first\n')
    expect(readFileSync(file, 'utf8')).toBe('cdk_first\n')
    await store.set('cdk_second')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(new DeskTokenStore(file).get()).toBe('cdk_second')

    await store.set(null)
    expect(store.isSet()).toBe(false)
    expect(new DeskTokenStore(file).isSet()).toBe(false)
  })

  it('is not kept from a file that does not hold one', () => {
    const file = join(temp.path, 'desk-token')
    writeFileSync(file, 'two words\n')
    const store = new DeskTokenStore(file)
    expect(store.isSet()).toBe(false)
    expect(store.loadProblem).toMatch(/does not hold a desk token/)
  })

  it('never reaches the page: settings say only whether one is kept', async () => {
    const services = createTempServices(temp.path)
    const before = await dispatch(services, 'settings:get', {})
    expect(before).toMatchObject({ ok: true, value: { deskTokenSet: false, deskAddress: '' } })

    const set = await dispatch(services, 'desk:set-token', { token: 'cdk_secret-token' })
    expect(set).toMatchObject({ ok: true, value: { deskTokenSet: true } })
    const updated = await dispatch(services, 'settings:update', {
      deskAddress: 'ws://127.0.0.1:1234',
    })
    expect(updated).toMatchObject({
      ok: true,
      value: { deskTokenSet: true, deskAddress: 'ws://127.0.0.1:1234' },
    })
    for (const answer of [set, updated, await dispatch(services, 'settings:get', {})])
      expect(JSON.stringify(answer)).not.toContain('cdk_secret-token')
    expect(readFileSync(join(temp.path, 'config', 'settings.json'), 'utf8')).not.toContain(
      'cdk_secret-token',
    )

    const refused = await dispatch(services, 'desk:set-token', { token: 'not one word' })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    const badAddress = await dispatch(services, 'settings:update', { deskAddress: 'ftp://x' })
    expect(badAddress).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })

    const cleared = await dispatch(services, 'desk:set-token', { token: null })
    expect(cleared).toMatchObject({ ok: true, value: { deskTokenSet: false } })
  })
})

import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { PreloadBridge } from '../../shared/ipc/bridge'
import { CHANNEL_NAMES } from '../../shared/ipc/channels'

const exposed = new Map<string, unknown>()
const ipcRenderer = { invoke: vi.fn(async () => 'answer'), on: vi.fn(), removeListener: vi.fn() }

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}))

describe('preload', () => {
  let bridge: PreloadBridge
  beforeAll(async () => {
    await import('./index')
    bridge = exposed.get('copydesk') as PreloadBridge
  })

  it('exposes exactly one object with invoke and on', () => {
    expect([...exposed.keys()]).toEqual(['copydesk'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
  })

  it('forwards every contract channel to main', async () => {
    for (const channel of CHANNEL_NAMES)
      await expect(bridge.invoke(channel, {})).resolves.toBe('answer')
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNEL_NAMES.length)
  })

  it('refuses any other channel without reaching main', async () => {
    ipcRenderer.invoke.mockClear()
    for (const channel of ['shell:open', 'event:library:changed', 'ELECTRON_BROWSER_REQUIRE', 42]) {
      await expect(bridge.invoke(channel, {})).rejects.toThrow(/unknown channel/)
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('subscribes to contract events only, and unsubscribes', () => {
    const listener = vi.fn()
    const unsubscribe = bridge.on('library:changed', listener)
    expect(ipcRenderer.on).toHaveBeenCalledWith('event:library:changed', expect.any(Function))
    const forward = ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, payload: unknown) => void
    forward({ sender: 'hidden' }, { change: 'saved' })
    expect(listener).toHaveBeenCalledWith({ change: 'saved' })
    unsubscribe()
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('event:library:changed', forward)
    expect(() => bridge.on('anything', listener)).toThrow(/unknown event/)
  })
})

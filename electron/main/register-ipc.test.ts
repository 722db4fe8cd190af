import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../shared/ipc/channels'
import { createContract, type Handlers } from '../../shared/ipc/contract'
import { ValidBlockMemory } from '../../shared/editor/validate-body'
import { ok } from '../../shared/result'
import { registerIpc, trustedOrigins } from './register-ipc'

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown

function fakeIpcMain() {
  const registered = new Map<string, Listener>()
  const ipcMain = {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
  }
  return { ipcMain: ipcMain as unknown as IpcMain, registered }
}

const handlers = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [
    channel,
    vi.fn(async (request: unknown) => ok({ channel, request })),
  ]),
) as unknown as Handlers

const contract = createContract(new ValidBlockMemory())

const eventFrom = (url: string, parent: unknown = null) =>
  ({
    senderFrame: { url, parent },
    sender: { id: 1, once: vi.fn() },
  }) as unknown as IpcMainInvokeEvent

describe('registerIpc', () => {
  const { ipcMain, registered } = fakeIpcMain()
  registerIpc(ipcMain, { handlers, contract }, trustedOrigins(['app://copydesk']))

  it('registers every channel of the contract and nothing else', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('serves the app’s own page', async () => {
    const listener = registered.get('article:open') as Listener
    const id = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
    expect(await listener(eventFrom('app://copydesk/index.html'), { id })).toEqual({
      ok: true,
      value: { channel: 'article:open', request: { id } },
    })
  })

  it('refuses a foreign sender, and a subframe of the app', async () => {
    const listener = registered.get('library:list') as Listener
    for (const event of [
      eventFrom('https://evil.example/'),
      eventFrom('file:///tmp/x.html'),
      eventFrom('app://copydesk/', {}),
    ]) {
      expect(await listener(event, {})).toMatchObject({
        ok: false,
        error: { kind: 'invalid-request', message: /untrusted frame/ },
      })
    }
    expect(handlers['library:list']).not.toHaveBeenCalled()
  })

  it('rejects a malformed payload with a typed error before any handler runs', async () => {
    const listener = registered.get('article:save') as Listener
    const result = await listener(eventFrom('app://copydesk/index.html'), {
      id: 'x',
      baseRevision: 'one',
    })
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: /^article:save: id: Invalid UUID/ },
    })
    expect(handlers['article:save']).not.toHaveBeenCalled()
  })

  it('names each window as its own client, and says when a window has gone', async () => {
    const { ipcMain: otherIpc, registered: otherRegistered } = fakeIpcMain()
    const gone: string[] = []
    const seen = vi.fn(async (_request: unknown, context: unknown) => ok(context))
    registerIpc(
      otherIpc,
      { handlers: { ...handlers, 'library:list': seen } as unknown as Handlers, contract },
      trustedOrigins(['app://copydesk']),
      (client) => gone.push(client),
    )
    const destroyed = new Map<number, () => void>()
    const windowEvent = (id: number) =>
      ({
        senderFrame: { url: 'app://copydesk/index.html', parent: null },
        sender: { id, once: (_name: string, listener: () => void) => destroyed.set(id, listener) },
      }) as unknown as IpcMainInvokeEvent
    const listener = otherRegistered.get('library:list') as Listener
    expect(await listener(windowEvent(7), {})).toEqual({ ok: true, value: { client: 'window-7' } })
    expect(await listener(windowEvent(8), {})).toEqual({ ok: true, value: { client: 'window-8' } })
    destroyed.get(7)?.()
    expect(gone).toEqual(['window-7'])
  })
})

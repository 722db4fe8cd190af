import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { RENDERER_CSP_HEADER } from '../../shared/security/content-security-policy'
import type { AssetStore } from '../services/library/asset-store'
import { makeTempDir } from '../services/testing/test-support'

type Handler = (request: Request) => Promise<Response>
const registered: { schemes: unknown[]; handler?: Handler } = { schemes: [] }

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (_scheme: string, handler: Handler) => (registered.handler = handler),
  },
}))

const { registerAppScheme, serveRenderer } = await import('./app-protocol')

let temp: ReturnType<typeof makeTempDir>
const serve = (url: string) => (registered.handler as Handler)(new Request(url))

beforeAll(() => {
  temp = makeTempDir()
  mkdirSync(join(temp.path, 'renderer'))
  writeFileSync(join(temp.path, 'renderer', 'index.html'), '<title>Copydesk</title>')
  writeFileSync(join(temp.path, 'secret.txt'), 'outside')
  const assets = { read: vi.fn(async () => ({ ok: false, error: { message: 'no' } })) }
  serveRenderer(join(temp.path, 'renderer'), assets as unknown as AssetStore)
})
afterAll(() => temp.remove())

describe('the app:// scheme (the app’s pages instead of file://)', () => {
  it('is registered as a standard, secure scheme, with no extra privileges', () => {
    registerAppScheme()
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('serves the renderer with the CSP header and nosniff', async () => {
    const response = await serve('app://copydesk/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers nothing for another host or a path out of the renderer folder', async () => {
    expect((await serve('app://elsewhere/index.html')).status).toBe(404)
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      expect((await serve(`app://copydesk${path}`)).status, path).toBe(404)
    }
  })
})

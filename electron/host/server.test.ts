import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NodeServices } from '../services/platform/node-services'
import { createTempServices, makeTempDir } from '../services/testing/test-support'
import { makeImage } from '../services/testing/test-images'
import { CLIENT_HEADER, TOKEN_HEADER } from '../../shared/ipc/host-protocol'
import { fieldsOf } from '../../shared/article/schema'
import { startHost, type RunningHost } from './server'

let temp: ReturnType<typeof makeTempDir>
let host: RunningHost
let services: NodeServices

beforeEach(async () => {
  temp = makeTempDir()
  const rendererDir = join(temp.path, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Copydesk</title>')
  writeFileSync(join(temp.path, 'secret.txt'), 'outside the renderer')
  services = createTempServices(temp.path)
  host = await startHost({ ...services, rendererDir })
})
afterEach(async () => {
  await host.close()
  temp.remove()
})

const invoke = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(body),
  })

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{43}$`),
    )
  })

  it('serves the renderer with a strict CSP', async () => {
    const response = await fetch(`${host.origin}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/)
    expect(await response.text()).toContain('<title>Copydesk</title>')
  })

  it('does not serve files outside the renderer folder, by any spelling or through a link', async () => {
    symlinkSync(join(temp.path, 'secret.txt'), join(temp.path, 'renderer', 'linked.txt'))
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2F..%2Fsecret.txt',
      '/linked.txt',
      `/${join(temp.path, 'secret.txt')}`,
    ]) {
      const response = await fetch(`${host.origin}${path}`)
      expect(response.status).toBe(404)
    }
  })

  it('answers the API with the token, and 401 without it', async () => {
    expect((await invoke('library:list', {}, { [TOKEN_HEADER]: '' })).status).toBe(401)
    expect((await invoke('library:list', {}, { [TOKEN_HEADER]: `${host.token}x` })).status).toBe(
      401,
    )
    const response = await invoke('library:list', {})
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, value: { articles: [], damaged: [] } })
  })

  it("reports main's time for each request answered, and its steps, for the benchmarks", async () => {
    const timed: [string, number][] = []
    const steps: string[] = []
    const timing = await startHost({
      ...services,
      rendererDir: join(temp.path, 'renderer'),
      onRequestTimed: (channel, milliseconds) => timed.push([channel, milliseconds]),
      onStepTimed: (step) => steps.push(step),
    })
    try {
      const response = await fetch(`${timing.origin}/api/invoke/library:list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: timing.token },
        body: '{}',
      })
      expect(response.status).toBe(200)
      expect(timed).toEqual([['library:list', expect.any(Number)]])
      expect(timed[0]?.[1]).toBeGreaterThan(0)
      expect(steps).toEqual(['library:list:read', 'library:list:check'])
    } finally {
      await timing.close()
    }
  })

  it('refuses another origin', async () => {
    const response = await invoke('library:list', {}, { origin: 'http://evil.example' })
    expect(response.status).toBe(403)
  })

  it('refuses pictures and events asked for by another site, even with the token', async () => {
    for (const path of [
      `/api/events?token=${host.token}`,
      `/api/assets/x/y.png?token=${host.token}`,
    ]) {
      const response = await fetch(`${host.origin}${path}`, {
        headers: { 'sec-fetch-site': 'cross-site' },
      })
      expect(response.status, path).toBe(403)
      await response.body?.cancel()
    }
  })

  it('refuses another Host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/',
          headers: { host: `evil.example:${host.port}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(421)
  })

  it('rejects malformed payloads with a typed error', async () => {
    const response = await invoke('article:open', { id: 'not-a-uuid' })
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/^article:open: id/) },
    })
    const unknown = await invoke('shell:exec', {})
    expect(await unknown.json()).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: 'unknown channel "shell:exec"' },
    })
    const notJson = await fetch(`${host.origin}/api/invoke/library:list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{',
    })
    expect(notJson.status).toBe(400)
  })

  it('takes an image as a binary body and serves it back with the token', async () => {
    const created = await (await invoke('article:create', { headline: 'Pictures' })).json()
    const bytes = await makeImage('png')
    const fields = encodeURIComponent(
      JSON.stringify({ articleId: created.value.id, fileName: 'a.png' }),
    )
    const upload = await fetch(`${host.origin}/api/invoke/asset:import?fields=${fields}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token },
      body: new Uint8Array(bytes),
    })
    const imported = await upload.json()
    expect(imported).toMatchObject({
      ok: true,
      value: { format: 'png', src: expect.stringMatching(/^assets\//) },
    })
    const path = `${host.origin}/api/assets/${created.value.id}/${imported.value.src}`
    expect((await fetch(path)).status).toBe(401)
    const image = await fetch(`${path}?token=${host.token}`)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer())).toEqual(bytes)
    expect(
      (
        await fetch(
          `${host.origin}/api/assets/${created.value.id}/article.json?token=${host.token}`,
        )
      ).status,
    ).toBe(404)
    // Out of assets/ by any spelling: dot segments, encoded slashes, an absolute path.
    for (const escape of [
      'assets/../article.json',
      'assets/%2e%2e/article.json',
      'assets/..%2farticle.json',
      'assets/%2F..%2F..%2Fsecret.txt',
      `assets/${encodeURIComponent(join(temp.path, 'secret.txt'))}`,
    ]) {
      const response = await fetch(
        `${host.origin}/api/assets/${created.value.id}/${escape}?token=${host.token}`,
      )
      expect(response.status, escape).toBe(404)
    }
  })

  it('does not serve an article image that is a link out of the article folder', async () => {
    const created = await (await invoke('article:create', { headline: 'Links' })).json()
    const folder = await services.library.folderOf(created.value.id)
    if (!folder.ok) throw new Error('no folder')
    symlinkSync(join(temp.path, 'secret.txt'), join(folder.value, 'assets', 'escape.jpg'))
    const response = await fetch(
      `${host.origin}/api/assets/${created.value.id}/assets/escape.jpg?token=${host.token}`,
    )
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside the renderer')
  })

  it('answers an oversized request with 413 and a typed, final failure', async () => {
    const response = await fetch(`${host.origin}/api/invoke/asset:import?fields=%7B%7D`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token },
      body: new Uint8Array(52 * 1024 * 1024),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-request',
        message: expect.stringMatching(/larger than the host accepts/),
      },
    })
  })

  it('streams events only with the token', async () => {
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(401)
    expect((await fetch(`${host.origin}/api/events?token=${host.token}x`)).status).toBe(401)
  })

  it('streams library events', async () => {
    const controller = new AbortController()
    const events = await fetch(`${host.origin}/api/events?token=${host.token}`, {
      signal: controller.signal,
    })
    expect(events.headers.get('content-type')).toBe('text/event-stream')
    const reader = (events.body as ReadableStream<Uint8Array>).getReader()
    const created = await (await invoke('article:create', { headline: 'Live' })).json()
    let received = ''
    while (!received.includes('library:changed'))
      received += new TextDecoder().decode((await reader.read()).value)
    expect(received).toContain(`"id":"${created.value.id}"`)
    controller.abort()
  })

  it('two tabs on one story: the second reads it locked, and edits once the first tab has closed', async () => {
    const gone: string[] = []
    const tabs = await startHost({
      ...services,
      rendererDir: join(temp.path, 'renderer'),
      clientGoneAfterMs: 200,
      onClientGone: (client) => {
        gone.push(client)
        void services.locks.releaseClient(client)
      },
    })
    try {
      const call = (client: string, channel: string, body: unknown) =>
        fetch(`${tabs.origin}/api/invoke/${channel}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TOKEN_HEADER]: tabs.token,
            [CLIENT_HEADER]: client,
          },
          body: JSON.stringify(body),
        }).then((response) => response.json())
      const created = await services.library.create({ headline: 'One story' })
      if (!created.ok) throw new Error(created.error.message)
      const { id } = created.value
      const first = 'first-tab-0001'
      const second = 'second-tab-0002'
      const stream = new AbortController()
      const events = await fetch(`${tabs.origin}/api/events?token=${tabs.token}&client=${first}`, {
        signal: stream.signal,
      })
      expect(events.status).toBe(200)
      expect(await call(first, 'article:lock', { id })).toEqual({
        ok: true,
        value: { editable: true },
      })
      expect(await call(second, 'article:lock', { id })).toMatchObject({
        ok: true,
        value: { editable: false, holder: { elsewhere: 'window' } },
      })
      expect(
        await call(second, 'article:save', {
          id,
          baseRevision: 1,
          fields: { ...fieldsOf(created.value), body: JSON.stringify(created.value.body) },
        }),
      ).toMatchObject({ ok: false, error: { kind: 'locked' } })

      // The first tab closes: its event stream ends and does not come back.
      stream.abort()
      await expect.poll(() => gone, { timeout: 10_000 }).toEqual([`tab-${first}`])
      await expect
        .poll(() => call(second, 'article:lock', { id }), { timeout: 10_000 })
        .toEqual({ ok: true, value: { editable: true } })
    } finally {
      await tabs.close()
    }
  })
})

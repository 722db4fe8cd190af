import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch, type RequestDoor } from '../../shared/ipc/dispatch'
import {
  CLIENT_HEADER,
  CLIENT_ID_PATTERN,
  EVENTS_PATH,
  TOKEN_HEADER,
} from '../../shared/ipc/host-protocol'
import type { RequestContext } from '../../shared/library/request-context'
import { fail } from '../../shared/result'
import { HOST_ASSET_PREFIX, parseAssetPath } from '../../shared/assets/asset-urls'
import { MAX_IMAGE_BYTES } from '../../shared/assets/image-policy'
import type { AssetStore } from '../services/library/asset-store'
import type { EventHub } from '../services/platform/event-hub'
import {
  pictureHeaders,
  readStaticFile,
  rendererFileHeaders,
} from '../services/platform/served-files'

export const HOST_ADDRESS = '127.0.0.1'
/** Large enough for a 50,000-word article with its JSON overhead, small enough to refuse abuse. */
const MAX_JSON_BYTES = 32 * 1024 * 1024
/** An image at the size limit, with room for the contract to say so itself. */
const MAX_BINARY_BYTES = MAX_IMAGE_BYTES + 1024 * 1024
const HEARTBEAT_MS = 25_000
/**
 * A tab whose event stream has been gone this long is taken to be closed, and what it held (the
 * lock of the article it had open) is let go. An open tab's stream reconnects within seconds.
 */
export const CLIENT_GONE_AFTER_MS = 10_000
/** What Sec-Fetch-Site says of the app's own requests, and of an address typed by the person. */
const SAME_SITE: readonly string[] = ['same-origin', 'none']

export interface HostOptions extends RequestDoor {
  assets: AssetStore
  events: EventHub
  /** A tab has closed (its event stream went and did not come back): release what it held. */
  onClientGone?: (client: string) => void
  /** How long a tab's event stream may be away before it counts as closed. */
  clientGoneAfterMs?: number
  /**
   * Main's time for each request, from its first byte to its answer sent, for the benchmarks;
   * the time of its steps goes to `onStepTimed`, reading it among them.
   */
  onRequestTimed?: (channel: string, milliseconds: number) => void
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
}

export interface RunningHost {
  url: string
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The browser host: the renderer and main's handlers over loopback HTTP, for machines where
 * Electron cannot run. It listens on 127.0.0.1 only, wants the per-run token on every API call,
 * and refuses requests from any other origin or for any other host name (DNS rebinding).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const expectedToken = Buffer.from(token)
  const streams = new Set<ServerResponse>()
  /** Open event streams per tab, and the timers that will call a tab gone. */
  const clientStreams = new Map<string, number>()
  const goneTimers = new Map<string, ReturnType<typeof setTimeout>>()
  let origin = ''

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    const given = Buffer.from(candidate ?? '')
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500
      const message = error instanceof HttpError ? error.message : 'internal error'
      if (!(error instanceof HttpError)) console.error('copydesk host:', error)
      if (status === 413) response.setHeader('connection', 'close')
      if (!response.headersSent) sendJson(response, status, fail('invalid-request', message))
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin)
    if (request.headers.host !== new URL(origin).host)
      throw new HttpError(421, 'unexpected Host header')
    const requestOrigin = request.headers.origin
    if (requestOrigin !== undefined && requestOrigin !== origin)
      throw new HttpError(403, 'cross-origin request refused')
    // GET requests (pictures, the event stream) send no Origin: the browser's own word on where
    // a request comes from refuses another site's page that has learnt the token.
    const site = request.headers['sec-fetch-site']
    if (url.pathname.startsWith('/api/') && site !== undefined && !SAME_SITE.includes(site))
      throw new HttpError(403, 'cross-site request refused')

    if (url.pathname.startsWith('/api/')) {
      // EventSource and <img> cannot send headers: GET requests take the token from the query.
      const given =
        request.method === 'GET' ? url.searchParams.get('token') : request.headers[TOKEN_HEADER]
      if (!tokenMatches(typeof given === 'string' ? given : undefined)) {
        throw new HttpError(401, 'missing or wrong token: open the URL that copydesk serve printed')
      }
      if (url.pathname === EVENTS_PATH && request.method === 'GET')
        return openEventStream(response, clientOf(url.searchParams.get('client')))
      const asset = parseAssetPath(url.pathname, HOST_ASSET_PREFIX)
      if (asset && request.method === 'GET') return sendAsset(response, asset.articleId, asset.src)
      const channel = /^\/api\/invoke\/([a-z:-]+)$/.exec(url.pathname)?.[1]
      if (channel && request.method === 'POST') return invoke(request, response, url, channel)
      throw new HttpError(404, `no such API: ${request.method} ${url.pathname}`)
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw new HttpError(405, 'method not allowed')
    const file = await readStaticFile(options.rendererDir, url.pathname)
    if (!file) {
      const hint = url.pathname === '/' ? ' (the renderer is not built: run npm run build)' : ''
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`Not found${hint}\n`)
      return
    }
    response.writeHead(200, rendererFileHeaders(file.contentType))
    response.end(request.method === 'HEAD' ? undefined : file.body)
  }

  /**
   * JSON requests carry their payload in the body. Binary ones (an image) carry the bytes as the
   * body and the other fields as JSON in the `fields` query parameter; both become the same
   * payload the contract validates.
   */
  async function invoke(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    channel: string,
  ): Promise<void> {
    const arrived = performance.now()
    const type = request.headers['content-type'] ?? ''
    let payload: unknown
    try {
      if (type.startsWith('application/json')) {
        payload = JSON.parse((await readBody(request, MAX_JSON_BYTES)).toString('utf8'))
      } else if (type.startsWith('application/octet-stream')) {
        const fields: unknown = JSON.parse(url.searchParams.get('fields') ?? '{}')
        const bytes = new Uint8Array(await readBody(request, MAX_BINARY_BYTES))
        payload = typeof fields === 'object' && fields !== null ? { ...fields, bytes } : fields
      } else throw new HttpError(415, 'send JSON, or binary with its fields in the query')
    } catch (error) {
      if (error instanceof HttpError) throw error
      throw new HttpError(400, 'the request is not valid JSON')
    }
    options.onStepTimed?.(`${channel}:read`, performance.now() - arrived)
    const context: RequestContext = { client: clientOf(request.headers[CLIENT_HEADER]) }
    sendJson(response, 200, await dispatch(options, channel, payload, context))
    options.onRequestTimed?.(channel, performance.now() - arrived)
  }

  async function sendAsset(
    response: ServerResponse,
    articleId: string,
    src: string,
  ): Promise<void> {
    const image = await options.assets.read(articleId, src)
    if (!image.ok) throw new HttpError(404, image.error.message)
    response.writeHead(200, pictureHeaders(image.value.mimeType))
    response.end(image.value.bytes)
  }

  function openEventStream(response: ServerResponse, client: string): void {
    clearTimeout(goneTimers.get(client))
    goneTimers.delete(client)
    clientStreams.set(client, (clientStreams.get(client) ?? 0) + 1)
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    response.write('retry: 2000\n\n')
    streams.add(response)
    const unsubscribe = options.events.subscribe((event, payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS)
    response.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(response)
      const left = (clientStreams.get(client) ?? 1) - 1
      if (left > 0) return void clientStreams.set(client, left)
      clientStreams.delete(client)
      const timer = setTimeout(() => {
        goneTimers.delete(client)
        options.onClientGone?.(client)
      }, options.clientGoneAfterMs ?? CLIENT_GONE_AFTER_MS)
      timer.unref()
      goneTimers.set(client, timer)
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST_ADDRESS, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://${HOST_ADDRESS}:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of goneTimers.values()) clearTimeout(timer)
        for (const stream of streams) stream.end()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A tab that names itself badly, or not at all, is one anonymous client. */
function clientOf(given: string | string[] | null | undefined): string {
  return typeof given === 'string' && CLIENT_ID_PATTERN.test(given) ? `tab-${given}` : 'tab-unnamed'
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.reject(new HttpError(413, tooLarge(limit)))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      // Stop reading, but leave the connection open long enough to answer 413.
      request.off('data', onData)
      request.resume()
      reject(new HttpError(413, tooLarge(limit)))
    }
    request.on('data', onData)
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

const tooLarge = (limit: number) =>
  `The request is larger than the host accepts (${Math.round(limit / (1024 * 1024))} MB).`

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  response.end(JSON.stringify(body))
}

import type { Extension, onRequestPayload } from '@hocuspocus/server'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  formatMegabytes,
  imageMimeTypeOf,
  MAX_IMAGE_BYTES,
} from '../../../shared/assets/image-policy'
import { UNKNOWN_DESK_TOKEN } from '../../../shared/desk/desk-connection'
import { DESK_PICTURES_PATH, isDeskPictureName } from '../../../shared/desk/desk-pictures'
import { prepareImage } from '../library/prepare-image'
import type { DeskPictureShelf } from './desk-picture-shelf'
import type { DeskRecords } from './desk-records'
import type { DeskContext } from './desk-rules'

function sendText(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(message)
}

/** The request's body, or undefined once it runs past `limit` bytes (the rest is not read). */
async function boundedBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength
    if (size > limit) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * The pictures of shared stories, kept by the desk under the name every library gives them (the
 * first 32 hex digits of their SHA-256 and their format's extension): sent once by whoever adds
 * a picture, fetched by every machine that opens the story. The desk keeps only pictures whose
 * bytes are what the name says and decode as one of the formats a figure may hold; a person
 * needs a token for either way.
 */
export function deskPictureStore(
  records: DeskRecords,
  shelf: DeskPictureShelf,
  log: (line: string) => void,
): Extension<DeskContext> {
  async function answer(request: IncomingMessage, response: ServerResponse, name: string) {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
    const person = token ? await records.personWithToken(token) : undefined
    if (!person) return sendText(response, 401, UNKNOWN_DESK_TOKEN)
    if (!isDeskPictureName(name))
      return sendText(response, 404, `${name} is not the name of a picture the desk keeps.`)
    switch (request.method) {
      case 'HEAD':
      case 'GET': {
        // Asking whether the desk has a picture reads none of it.
        const size = await shelf.sizeOf(name)
        const bytes = request.method === 'GET' ? await shelf.read(name) : undefined
        if (size === undefined || (request.method === 'GET' && !bytes))
          return sendText(response, 404, `The desk has no picture ${name}.`)
        response.writeHead(200, {
          'Content-Type': imageMimeTypeOf(name) ?? 'application/octet-stream',
          'Content-Length': size,
          // A name stands for exactly these bytes, for good.
          'Cache-Control': 'private, max-age=31536000, immutable',
        })
        response.end(bytes)
        return
      }
      case 'PUT': {
        if ((await shelf.sizeOf(name)) !== undefined) {
          request.resume()
          return sendText(response, 200, `The desk has ${name} already.`)
        }
        const bytes = await boundedBody(request, MAX_IMAGE_BYTES)
        if (!bytes)
          return sendText(
            response,
            413,
            `${name} is larger than ${formatMegabytes(MAX_IMAGE_BYTES)}, the most a picture may be.`,
          )
        const prepared = await prepareImage(name, bytes)
        if (!prepared.ok) return sendText(response, 422, prepared.error.message)
        if (prepared.value.src !== `assets/${name}`)
          return sendText(
            response,
            422,
            `The bytes sent are not the picture ${name}: a picture is named after its content.`,
          )
        await shelf.keep(name, bytes)
        log(`${person.name} sent the picture ${name} (${formatMegabytes(bytes.byteLength)})`)
        return sendText(response, 201, `The desk keeps ${name}.`)
      }
      default:
        response.setHeader('Allow', 'GET, HEAD, PUT')
        return sendText(response, 405, 'Pictures are sent with PUT and fetched with GET.')
    }
  }

  return {
    extensionName: 'Copydesk desk pictures',

    async onRequest({ request, response }: onRequestPayload) {
      const { pathname } = new URL(request.url ?? '/', 'http://desk')
      if (!pathname.startsWith(`${DESK_PICTURES_PATH}/`)) return undefined
      try {
        await answer(request, response, pathname.slice(DESK_PICTURES_PATH.length + 1))
      } catch (error) {
        log(`A picture request failed: ${error instanceof Error ? error.message : String(error)}`)
        if (!response.headersSent)
          sendText(response, 500, 'The desk could not keep or read the picture; try again.')
        else response.destroy()
      }
      // Hocuspocus' way to say "answered": a rejection without an error stops its default reply.
      return Promise.reject(null)
    },
  }
}

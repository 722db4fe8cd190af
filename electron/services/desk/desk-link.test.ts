import { Server as Hocuspocus } from '@hocuspocus/server'
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { UNKNOWN_DESK_TOKEN } from '../../../shared/desk/desk-connection'
import { DeskLink } from './desk-link'
import { eventually } from './test-desk-client'

const STORY = '3a5c7e9b-2d4f-4a6b-8c0d-1e2f3a4b5c6d'
let silent: Server | undefined
const held: Socket[] = []
const links: DeskLink[] = []
let desk: Hocuspocus | undefined
afterEach(async () => {
  // Links first: a server waits for its open connections, and a link would reconnect.
  for (const link of links.splice(0)) link.destroy()
  await desk?.destroy()
  desk = undefined
  for (const socket of held.splice(0)) socket.destroy()
  if (silent) await new Promise((resolve) => silent?.close(resolve))
  silent = undefined
})

describe('a connection to the desk', () => {
  it('can be closed while it is still connecting, and nothing is thrown later', async () => {
    // Takes the connection and never answers the WebSocket handshake.
    silent = createServer((socket) => held.push(socket))
    await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', resolve))
    const address = silent.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    const link = new DeskLink({
      address: `ws://127.0.0.1:${address.port}`,
      token: 'cdk_token',
      story: STORY,
      doc: new Y.Doc(),
    })
    await eventually(() => held.length > 0, 'the connection attempt')
    link.destroy()
    // The socket's late error, if unheard, would surface here as an uncaught exception.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(link.standing().connected).toBe(false)
  })

  it('tells a token the desk refused from a desk that failed to check it', async () => {
    let answer: Error = new Error('The desk’s records are closed.')
    desk = new Hocuspocus({
      address: '127.0.0.1',
      port: 0,
      quiet: true,
      stopOnSignals: false,
      extensions: [
        {
          async onAuthenticate() {
            throw answer
          },
        },
      ],
    })
    await desk.listen()
    const connect = () => {
      const link = new DeskLink({
        address: `ws://127.0.0.1:${desk?.address.port}`,
        token: 'cdk_token',
        story: STORY,
        doc: new Y.Doc(),
      })
      links.push(link)
      return link
    }
    // A desk stopping answers "permission-denied": not the person's token, so not its message.
    const unchecked = await connect().confirmed(1000)
    expect(unchecked).toMatchObject({ ok: false, error: { kind: 'io' } })
    expect(!unchecked.ok && unchecked.error.message).not.toBe(UNKNOWN_DESK_TOKEN)
    expect(links[0]?.standing().refusal).toBeUndefined()

    answer = Object.assign(new Error(UNKNOWN_DESK_TOKEN), { reason: UNKNOWN_DESK_TOKEN })
    const refused = connect()
    expect(await refused.confirmed(10_000)).toEqual({
      ok: false,
      error: { kind: 'permission-denied', message: UNKNOWN_DESK_TOKEN },
    })
    expect(refused.standing().refusal).toBe(UNKNOWN_DESK_TOKEN)
  })
})

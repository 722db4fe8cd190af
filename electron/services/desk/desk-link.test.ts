import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DeskLink } from './desk-link'
import { eventually } from './test-desk-client'

let silent: Server | undefined
const held: Socket[] = []
afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy()
  await new Promise((resolve) => silent?.close(resolve))
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
      story: '3a5c7e9b-2d4f-4a6b-8c0d-1e2f3a4b5c6d',
      doc: new Y.Doc(),
    })
    await eventually(() => held.length > 0, 'the connection attempt')
    link.destroy()
    // The socket's late error, if unheard, would surface here as an uncaught exception.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(link.standing().connected).toBe(false)
  })
})

import { IncomingMessage, MessageType } from '@hocuspocus/server'
import IORedis from 'ioredis'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { messageYjsSyncStep1, messageYjsUpdate } from 'y-protocols/sync'
import { createArticle, fieldsOf } from '../../../shared/article'
import { readStory, writeStory } from '../../../shared/desk/story-document'
import {
  NO_REDIS_MESSAGE,
  REDIS_SERVER,
  startRedis,
  type RedisProcess,
} from '../../../e2e/redis-process'
import { startDeskServer, type RunningDeskServer } from './desk-server'
import { connectTestClient, eventually, type DeskTestClient } from './test-desk-client'

// Two desk servers through a real Redis, and a listener on the story's channel to see what one
// server tells the other when someone types.

const STORY = '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d'

let dataDir: string
let redis: RedisProcess
let servers: RunningDeskServer[]
let clients: DeskTestClient[]
let listener: IORedis | undefined

/** The kind of Yjs sync message a server published, from the bytes on the channel. */
function syncKind(published: Buffer): number | undefined {
  // Hocuspocus prefixes each message with its sender's identifier, after a byte of its length.
  const message = new IncomingMessage(published.subarray((published[0] ?? 0) + 1))
  message.readVarString()
  if (message.readVarUint() !== MessageType.Sync) return undefined
  return message.readVarUint()
}

describe.skipIf(!REDIS_SERVER)(
  `desk servers sharing a story through Redis${REDIS_SERVER ? '' : ` (skipped: ${NO_REDIS_MESSAGE})`}`,
  () => {
    beforeEach(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'copydesk-one-trip-'))
      servers = []
      clients = []
      redis = await startRedis()
    })

    afterEach(async () => {
      clients.forEach((client) => client.destroy())
      listener?.disconnect()
      await Promise.all(servers.map((server) => server.stop()))
      await redis.stop()
      rmSync(dataDir, { recursive: true, force: true })
    })

    it('pass a change on in one message that is the change itself', async () => {
      for (let index = 0; index < 2; index++)
        servers.push(
          await startDeskServer({
            storage: { dataDir },
            host: '127.0.0.1',
            port: 0,
            redis: redis.url,
            log: () => undefined,
          }),
        )
      const [first] = servers as [RunningDeskServer]
      const { token } = await first.records.addPerson('Ana Lee', 'reporter')
      clients = servers.map((server) => connectTestClient(server.url, STORY, token))
      const [writer, reader] = clients as [DeskTestClient, DeskTestClient]
      await Promise.all(clients.map((client) => client.synced))
      const fields = fieldsOf(createArticle({ headline: 'Bridge to close' }, STORY, new Date()))
      writeStory(writer.doc, fields)
      await eventually(() => readStory(reader.doc).headline === 'Bridge to close', 'the story')

      const kinds: (number | undefined)[] = []
      listener = new IORedis(redis.url)
      listener.on('messageBuffer', (_channel: Buffer, message: Buffer) =>
        kinds.push(syncKind(message)),
      )
      await listener.subscribe(`copydesk:${STORY}`)

      writeStory(writer.doc, { ...fields, headline: 'Bridge to close in April' })
      await eventually(
        () => readStory(reader.doc).headline === 'Bridge to close in April',
        'the change on the other server',
      )
      // The change went out as an update at once; the servers compare whole states (a state
      // vector, answered on another channel) only a second later.
      // (Carets travel on the same channel; only sync messages count here.)
      const sync = () => kinds.filter((kind) => kind !== undefined)
      expect(sync()[0]).toBe(messageYjsUpdate)
      await eventually(() => sync().includes(messageYjsSyncStep1), 'the state check', 10_000)
      expect(sync().filter((kind) => kind === messageYjsSyncStep1)).toHaveLength(1)
    })
  },
)

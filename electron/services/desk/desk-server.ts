import { Server } from '@hocuspocus/server'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { deskHealthCheck } from './desk-health-check'
import { deskPictureStore } from './desk-picture-store'
import { sharedPresence } from './desk-presence'
import type { DeskRecords } from './desk-records'
import { connectDeskRedis, type DeskRedis } from './desk-redis'
import { deskRules, type DeskContext } from './desk-rules'
import { openDeskStorage, type DeskStorageAddress } from './desk-storage'
import { deskStoryList } from './desk-story-list'

/** Large enough for a 50,000-word story sent whole; a message past it is refused by size. */
export const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024

export interface DeskServerOptions {
  /** A data folder for SQLite (the default), or the newsroom's PostgreSQL. */
  storage: DeskStorageAddress
  host: string
  port: number
  maxMessageBytes?: number
  /**
   * `redis://host:port`: share open stories live with the other desk servers using the same
   * Redis and the same storage, so people on different instances edit a story together.
   */
  redis?: string
  log: (line: string) => void
}

export interface RunningDeskServer {
  url: string
  port: number
  /** Where it keeps the desk: the SQLite file, or PostgreSQL's address without a password. */
  storagePlace: string
  records: DeskRecords
  /** Stores every open story, closes every connection and the files; says how many it stored. */
  stop(): Promise<{ storedStories: number }>
}

/**
 * The desk server: Hocuspocus with its storage (SQLite or PostgreSQL) and the desk's rules, and
 * with Redis when several instances share the desk. Documents are stored two seconds after the last change
 * (Hocuspocus' debounce) and when the server stops.
 */
export async function startDeskServer(options: DeskServerOptions): Promise<RunningDeskServer> {
  const storage = await openDeskStorage(options.storage)
  let redis: DeskRedis | undefined
  try {
    redis = options.redis ? await connectDeskRedis(options.redis) : undefined
  } catch (error) {
    await storage.close()
    throw error
  }
  const presence = redis && sharedPresence(redis)
  const { records } = storage
  const server = new Server<DeskContext>({
    address: options.host,
    port: options.port,
    quiet: true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
    extensions: [
      // First: what another instance changed reaches this one's rules and storage as any change.
      ...(redis ? [redis.extension] : []),
      deskRules(records, options.log),
      storage.documents,
      ...(presence ? [presence.extension] : []),
      deskStoryList(records, presence?.everyone),
      deskPictureStore(records, storage.pictures, options.log),
      deskHealthCheck(storage, redis),
    ],
  })
  try {
    await server.listen()
  } catch (error) {
    await redis?.extension.onDestroy()
    await storage.close()
    throw error
  }
  // Hocuspocus closes each story's connection but leaves the sockets open until the clients hang
  // up; a stopping server ends them itself, or the process lingers for their ping timeout.
  const sockets = new Set<Duplex>()
  server.httpServer.on('upgrade', (_request: IncomingMessage, socket: Duplex) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const { port } = server.httpServer.address() as AddressInfo
  let stopping: Promise<{ storedStories: number }> | undefined
  return {
    storagePlace: storage.place,
    records,
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    stop: () => {
      const storedStories = server.hocuspocus.getDocumentsCount()
      return (stopping ??= server.destroy().then(async () => {
        sockets.forEach((socket) => socket.destroy())
        await storage.close()
        return { storedStories }
      }))
    },
  }
}

import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { mkdirSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { join } from 'node:path'
import { deskHealthCheck } from './desk-health-check'
import { deskPictureStore } from './desk-picture-store'
import { sharedPresence } from './desk-presence'
import { DeskRecords } from './desk-records'
import { connectDeskRedis, type DeskRedis } from './desk-redis'
import { deskRules, type DeskContext } from './desk-rules'
import { deskStoryList } from './desk-story-list'

/** The file in the data folder that holds the desk's documents, people and status changes. */
export const DESK_DATABASE = 'desk.sqlite'

/** Large enough for a 50,000-word story sent whole; a message past it is refused by size. */
export const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024

export interface DeskServerOptions {
  dataDir: string
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
  /** Stores every open story, closes every connection and the files; says how many it stored. */
  stop(): Promise<{ storedStories: number }>
}

export function deskDatabasePath(dataDir: string): string {
  return join(dataDir, DESK_DATABASE)
}

/**
 * The desk server: Hocuspocus with its SQLite storage and the desk's rules, and with Redis when
 * several instances share the desk. Documents are stored two seconds after the last change
 * (Hocuspocus' debounce) and when the server stops.
 */
export async function startDeskServer(options: DeskServerOptions): Promise<RunningDeskServer> {
  mkdirSync(options.dataDir, { recursive: true })
  const redis: DeskRedis | undefined = options.redis
    ? await connectDeskRedis(options.redis)
    : undefined
  const presence = redis && sharedPresence(redis)
  const file = deskDatabasePath(options.dataDir)
  const records = DeskRecords.open(file)
  const storage = new SQLite({ database: file })
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
      storage,
      ...(presence ? [presence.extension] : []),
      deskStoryList(records, presence?.everyone),
      deskPictureStore(records, options.dataDir, options.log),
      deskHealthCheck(records, redis),
    ],
  })
  try {
    await server.listen()
  } catch (error) {
    await redis?.extension.onDestroy()
    records.close()
    storage.db?.close()
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
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    stop: () => {
      const storedStories = server.hocuspocus.getDocumentsCount()
      return (stopping ??= server.destroy().then(() => {
        sockets.forEach((socket) => socket.destroy())
        storage.db?.close()
        records.close()
        return { storedStories }
      }))
    },
  }
}

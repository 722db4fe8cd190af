import { OneTripRedis } from './one-trip-redis'

/** How long a starting desk waits for Redis before it says it cannot reach it. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000

/** Keys and channels of Copydesk's desks in a Redis that may serve other programs too. */
const REDIS_PREFIX = 'copydesk'

export interface DeskRedis {
  /** Hocuspocus' Redis extension: live changes and carets shared with the other instances. */
  extension: OneTripRedis
  isReachable(): boolean
}

/**
 * Where Redis is, from `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS), or
 * why that is no Redis address.
 */
export function redisOptions(address: string) {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    throw new Error(`${address} is no Redis address: give one such as redis://127.0.0.1:6379.`)
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new Error(`${address} is no Redis address: it must start with redis:// or rediss://.`)
  const db = url.pathname.replace(/^\//, '')
  if (db && !/^\d+$/.test(db))
    throw new Error(`${address}: the part after the port must be a database number, such as /0.`)
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    options: {
      ...(url.username && { username: decodeURIComponent(url.username) }),
      ...(url.password && { password: decodeURIComponent(url.password) }),
      ...(db && { db: Number(db) }),
      ...(url.protocol === 'rediss:' && { tls: {} }),
    },
  }
}

/**
 * Connects this desk server to the newsroom's Redis, through which several instances share every
 * open story's changes and carets live. Resolves once Redis answers; a Redis that does not answer
 * within `timeoutMs` is an error that says so, and nothing is left connecting.
 */
export async function connectDeskRedis(
  address: string,
  timeoutMs = REDIS_CONNECT_TIMEOUT_MS,
): Promise<DeskRedis> {
  const { host, port, options } = redisOptions(address)
  const extension = new OneTripRedis({ host, port, options, prefix: REDIS_PREFIX })
  const { pub } = extension
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Redis at ${address} did not answer within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      )
      pub.once('ready', () => {
        clearTimeout(timer)
        resolve()
      })
      pub.once('error', (error: Error) => {
        clearTimeout(timer)
        reject(new Error(`Redis at ${address} cannot be reached: ${error.message}`))
      })
    })
  } catch (error) {
    extension.pub.disconnect(false)
    extension.sub.disconnect(false)
    throw error
  }
  // ioredis reconnects by itself; until it has, the health check says Redis is unreachable.
  pub.on('error', () => undefined)
  extension.sub.on('error', () => undefined)
  return { extension, isReachable: () => pub.status === 'ready' }
}

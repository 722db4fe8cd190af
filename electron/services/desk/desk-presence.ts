import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server'
import { z } from 'zod'
import type { DeskRedis } from './desk-redis'
import type { DeskContext } from './desk-rules'

/** Who is in each story now, by story id: the names the desk knows them by. */
export type Presence = Map<string, string[]>

/** Who is in each story on this server, from its live connections. */
export function localPresence(instance: Hocuspocus): Presence {
  const present: Presence = new Map()
  for (const [name, document] of instance.documents) {
    const people = document
      .getConnections()
      .map((connection) => (connection.context as DeskContext | undefined)?.person.name)
      .filter((person): person is string => person !== undefined)
    if (people.length > 0) present.set(name, people)
  }
  return present
}

/** How often a server says again who is on it; what it said lapses after three times that. */
export const PRESENCE_RENEW_MS = 10_000

const PRESENCE_KEY = 'copydesk:presence:'

/** Another server's people by story, as it wrote them to Redis. */
const StoredPresenceSchema = z.record(z.string(), z.array(z.string()))

/**
 * Who is in each story on every server that shares the desk through Redis: each server keeps
 * its own people under a key of its own, renewed every PRESENCE_RENEW_MS and whenever someone
 * comes or goes, so that a server that dies drops out of the list within half a minute.
 */
export function sharedPresence(redis: DeskRedis): {
  extension: Extension<DeskContext>
  everyone(instance: Hocuspocus): Promise<Presence>
} {
  const { pub } = redis.extension
  const ownKey = `${PRESENCE_KEY}${redis.extension.configuration.identifier}`
  let instance: Hocuspocus | undefined
  let renewal: ReturnType<typeof setInterval> | undefined
  let soon: ReturnType<typeof setTimeout> | undefined

  const publish = async () => {
    if (!instance) return
    const mine = Object.fromEntries(localPresence(instance))
    await pub.set(ownKey, JSON.stringify(mine), 'PX', PRESENCE_RENEW_MS * 3).catch(() => undefined)
  }
  // People come and go in bursts (a newsroom's morning): one write for a burst.
  const publishSoon = () => {
    clearTimeout(soon)
    soon = setTimeout(() => void publish(), 100)
    return Promise.resolve()
  }

  return {
    extension: {
      extensionName: 'Copydesk shared presence',
      onConfigure({ instance: configured }: onConfigurePayload) {
        instance = configured
        renewal = setInterval(() => void publish(), PRESENCE_RENEW_MS)
        return Promise.resolve()
      },
      connected: publishSoon,
      onDisconnect: publishSoon,
      async onDestroy() {
        clearInterval(renewal)
        clearTimeout(soon)
        await pub.del(ownKey).catch(() => undefined)
      },
    },

    async everyone(server: Hocuspocus): Promise<Presence> {
      const present = localPresence(server)
      const keys = (await pub.keys(`${PRESENCE_KEY}*`).catch(() => [] as string[])).filter(
        (key) => key !== ownKey,
      )
      const others = keys.length > 0 ? await pub.mget(keys).catch(() => []) : []
      for (const stored of others) {
        let theirs: z.infer<typeof StoredPresenceSchema>
        try {
          theirs = StoredPresenceSchema.parse(JSON.parse(stored ?? '{}'))
        } catch {
          continue // a key another program wrote, or one lapsing as it is read
        }
        for (const [story, people] of Object.entries(theirs))
          present.set(story, [...(present.get(story) ?? []), ...people])
      }
      return present
    },
  }
}

import type { Extension, onRequestPayload } from '@hocuspocus/server'
import { DESK_HEALTH_PATH, type DeskHealth } from '../../../shared/desk/desk-health'
import type { DeskRedis } from './desk-redis'
import type { DeskContext } from './desk-rules'
import type { DeskStorage } from './desk-storage'

/**
 * `GET /health`: the server's state for a load balancer or a monitor, answered 200 while it
 * takes connections and 503 while its storage (or the Redis it shares stories through) does not
 * answer, so that nobody new is sent to it.
 */
export function deskHealthCheck(
  storage: Pick<DeskStorage, 'kind' | 'records'>,
  redis?: DeskRedis,
): Extension<DeskContext> {
  return {
    extensionName: 'Copydesk desk health',

    async onRequest({ request, response, instance }: onRequestPayload) {
      const { pathname } = new URL(request.url ?? '/', 'http://desk')
      if (pathname !== DESK_HEALTH_PATH) return
      const reachable = await storage.records.isReachable()
      const redisReachable = redis?.isReachable()
      const health: DeskHealth = {
        state: reachable && redisReachable !== false ? 'ok' : 'unwell',
        storage: { kind: storage.kind, reachable },
        ...(redisReachable !== undefined && { redis: { reachable: redisReachable } }),
        openStories: instance.getDocumentsCount(),
        connections: instance.getConnectionsCount(),
      }
      response.writeHead(health.state === 'ok' ? 200 : 503, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
      })
      response.end(JSON.stringify(health))
      // Hocuspocus' way to say "answered": a rejection without an error stops its default reply.
      return Promise.reject(null)
    },
  }
}

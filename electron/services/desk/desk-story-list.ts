import type {
  Extension,
  Hocuspocus,
  onRequestPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server'
import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import { ArticleStatusSchema } from '../../../shared/article'
import { DESK_STORIES_PATH, type DeskStoryList } from '../../../shared/desk/desk-story-list'
import { storyHeadline, storyStatus } from '../../../shared/desk/story-document'
import { localPresence, type Presence } from './desk-presence'
import type { DeskRecords } from './desk-records'
import type { DeskContext } from './desk-rules'

const SummarySchema = z.object({ headline: z.string(), status: ArticleStatusSchema })

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(body))
}

/**
 * The desk's story list: each story's headline, status and last change are kept in the desk's
 * records whenever the story is stored, so the list comes from storage, not from one server's
 * memory; who is in each story now comes from the live connections (`present`: every server's,
 * where several share the desk).
 */
export function deskStoryList(
  records: DeskRecords,
  present: (instance: Hocuspocus) => Presence | Promise<Presence> = localPresence,
  clock: () => Date = () => new Date(),
): Extension<DeskContext> {
  return {
    extensionName: 'Copydesk desk story list',

    onStoreDocument({ document, documentName, lastContext }: onStoreDocumentPayload<DeskContext>) {
      const summary = SummarySchema.safeParse({
        headline: storyHeadline(document),
        status: storyStatus(document),
      })
      // An empty document (opened, never written) is not a story yet.
      if (!summary.success) return Promise.resolve()
      return Promise.resolve(
        records.recordStoredStory({
          id: documentName,
          ...summary.data,
          updatedAt: clock().toISOString(),
          ...(lastContext?.person && { updatedBy: lastContext.person.name }),
        }),
      )
    },

    async onRequest({ request, response, instance }: onRequestPayload) {
      const url = new URL(request.url ?? '/', 'http://desk')
      if (url.pathname !== DESK_STORIES_PATH) return Promise.resolve()
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
      if (request.method !== 'GET')
        sendJson(response, 405, { error: 'The story list is read with GET.' })
      else if (!token || !(await records.personWithToken(token)))
        sendJson(response, 401, {
          error:
            'This desk does not know your token, or it was removed. Ask the desk for a new one.',
        })
      else {
        const [people, stories] = await Promise.all([present(instance), records.storedStories()])
        const list: DeskStoryList = {
          stories: stories.map((story) => ({ ...story, present: people.get(story.id) ?? [] })),
        }
        sendJson(response, 200, list)
      }
      // Hocuspocus' way to say "answered": a rejection without an error stops its default reply.
      return Promise.reject(null)
    },
  }
}

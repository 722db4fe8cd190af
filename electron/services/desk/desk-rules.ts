import {
  IncomingMessage,
  MessageType,
  type beforeHandleAwarenessPayload,
  type beforeHandleMessagePayload,
  type Extension,
  type onAuthenticatePayload,
} from '@hocuspocus/server'
import { messageYjsSyncStep1 } from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  ArticleFieldsSchema,
  ArticleStatusSchema,
  parsedArticleBodySchema,
} from '../../../shared/article'
import { ValidBlockMemory } from '../../../shared/editor/validate-body'
import { UNKNOWN_DESK_TOKEN } from '../../../shared/desk/desk-connection'
import type { DeskRefusal } from '../../../shared/desk/desk-refusal'
import { newStoryStatusProblem, statusMoveProblem } from '../../../shared/desk/desk-roles'
import { isEmptyStory, readStory, storyStatus } from '../../../shared/desk/story-document'
import { isStoryDocumentName } from '../../../shared/desk/story-document-name'
import { describeZodError } from '../../../shared/validation/describe-zod-error'
import type { DeskPerson, DeskRecords } from './desk-records'
import { isPlainTyping } from './plain-typing'

export interface DeskContext {
  person: DeskPerson
}

/** What Hocuspocus sends back when a hook throws: the reason reaches the other end. */
class Refusal extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

/** A WebSocket close reason holds at most 123 bytes; the full reason goes to the server's log. */
function closeReason(reason: string): string {
  const bytes = Buffer.from(reason, 'utf8')
  return bytes.length <= 123
    ? reason
    : `${bytes
        .subarray(0, 119)
        .toString('utf8')
        .replace(/\uFFFD$/, '')}…`
}

/** The Yjs update a message carries, when it carries one (sync step 2 or an update). */
function carriedUpdate(message: Uint8Array): Uint8Array | undefined {
  const incoming = new IncomingMessage(message)
  incoming.readVarString()
  const type = incoming.readVarUint()
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return undefined
  if (incoming.readVarUint() === messageYjsSyncStep1) return undefined
  return incoming.readVarUint8Array()
}

/**
 * The desk's rules, enforced where the documents live so that every client gets them: every
 * connection names a person by token, every story fits the article schema before it is stored,
 * and status moves follow the person's role. Each change is tried on a copy of the document
 * first; a refused one never reaches the stored document or the other people in the story.
 */
export function deskRules(
  records: DeskRecords,
  log: (line: string) => void,
  clock: () => Date = () => new Date(),
): Extension<DeskContext> {
  // Blocks already found valid are not checked again: each keystroke sends the whole story
  // through this check, and all but a block or two are the same as last time.
  const storySchema = ArticleFieldsSchema.extend({
    body: parsedArticleBodySchema(new ValidBlockMemory()),
  })
  return {
    extensionName: 'Copydesk desk rules',

    async onAuthenticate({ token, documentName }: onAuthenticatePayload<DeskContext>) {
      if (!isStoryDocumentName(documentName))
        throw new Refusal(
          `This desk has no document called “${documentName}”; stories are named by their id.`,
        )
      const person = token ? await records.personWithToken(token) : undefined
      if (!person) throw new Refusal(UNKNOWN_DESK_TOKEN)
      return { person }
    },

    beforeHandleMessage({
      update: message,
      document,
      context,
      documentName,
      connection,
    }: beforeHandleMessagePayload<DeskContext>) {
      const refuse = (problem: DeskRefusal['problem'], reason: string) => {
        log(`Refused a change to ${documentName} from ${context.person.name}: ${reason}`)
        const refusal: DeskRefusal = { kind: 'copydesk/refused', problem, reason }
        connection.sendStateless(JSON.stringify(refusal))
        return Promise.reject(new Refusal(closeReason(reason)))
      }
      let update: Uint8Array | undefined
      try {
        update = carriedUpdate(message)
      } catch {
        return refuse('invalid-story', 'The change could not be read as a Yjs update.')
      }
      if (!update || isPlainTyping(document, update)) return Promise.resolve()
      const trial = new Y.Doc()
      try {
        Y.applyUpdate(trial, Y.encodeStateAsUpdate(document))
        Y.applyUpdate(trial, update)
      } catch {
        return refuse('invalid-story', 'The change could not be read as a Yjs update.')
      }
      // A story nobody has written yet may stay empty; one that was written may not be emptied.
      if (isEmptyStory(trial) && isEmptyStory(document)) return Promise.resolve()

      const fields = storySchema.safeParse(readStory(trial))
      if (!fields.success)
        return refuse(
          'invalid-story',
          `The story does not fit the article schema: ${describeZodError(fields.error)}`,
        )

      const before = ArticleStatusSchema.safeParse(storyStatus(document))
      const after = fields.data.status
      const problem = before.success
        ? statusMoveProblem(context.person.role, before.data, after)
        : newStoryStatusProblem(context.person.role, after)
      if (problem) return refuse('not-allowed', problem)
      if (before.success && before.data !== after)
        return Promise.resolve(
          records.recordStatusChange({
            story: documentName,
            from: before.data,
            to: after,
            personId: context.person.id,
            at: clock(),
          }),
        )
      return Promise.resolve()
    },

    /** Names beside carets are the desk's names for the people, whatever a client claims. */
    beforeHandleAwareness({ states, context }: beforeHandleAwarenessPayload<DeskContext>) {
      if (!context) return Promise.resolve()
      for (const state of states.values()) {
        const user: unknown = state.user
        state.user = {
          ...(typeof user === 'object' && user !== null ? user : {}),
          name: context.person.name,
          role: context.person.role,
        }
      }
      return Promise.resolve()
    },
  }
}

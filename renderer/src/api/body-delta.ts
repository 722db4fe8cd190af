import { applyTextDelta, textDelta, type TextDelta } from './text-delta'

/** A request whose story body (`fields.body`, JSON text) went to the worker as a delta. */
export interface PackedRequest {
  request: unknown
  body?: TextDelta
}

type WithBody = { fields: Record<string, unknown> & { body: string } }

function hasBody(request: unknown): request is WithBody {
  if (typeof request !== 'object' || request === null || !('fields' in request)) return false
  const { fields } = request
  return (
    typeof fields === 'object' &&
    fields !== null &&
    'body' in fields &&
    typeof fields.body === 'string'
  )
}

function withBody(request: WithBody, body: string): WithBody {
  return { ...request, fields: { ...request.fields, body } }
}

/** Requests after which the page edits another story, or a new one. */
const OPENS_A_STORY = new Set(['article:open', 'article:create'])

const storyIdOf = (request: unknown): unknown =>
  typeof request === 'object' && request !== null && 'id' in request ? request.id : undefined

/**
 * The page's end. Posting a message copies it on the page's thread, and a save or a crash
 * journal of a 50,000-word story carries half a megabyte of body that differs from the last one
 * by what was typed since: only that difference is posted. The body last sent is kept only while
 * its story is the one being edited: it is no base for another story's, and after a 1 MB paste
 * it is megabytes the page would hold for nothing.
 */
export function bodySender() {
  let sent = ''
  let sentFor: unknown
  return {
    pack(channel: string, request: unknown): PackedRequest {
      if (OPENS_A_STORY.has(channel) && storyIdOf(request) !== sentFor) sent = ''
      if (!hasBody(request)) return { request }
      const body = textDelta(sent, request.fields.body)
      sent = request.fields.body
      sentFor = storyIdOf(request)
      return { request: withBody(request, ''), body }
    },
    /** A new worker holds no body yet; the next body goes whole, which fits any held one. */
    reset() {
      sent = ''
    },
    /** How much body text the page holds as the next delta's base (for tests). */
    get heldLength() {
      return sent.length
    },
  }
}

/** The worker's end: rebuilds each body from the one it holds, in the order they were posted. */
export function bodyReceiver() {
  let held = ''
  return {
    unpack({ request, body }: PackedRequest): unknown {
      if (!body || !hasBody(request)) return request
      held = applyTextDelta(held, body)
      return withBody(request, held)
    },
  }
}

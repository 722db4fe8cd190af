import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import {
  ArticleFieldsSchema,
  fieldsOf,
  type Article,
  type ArticleFields,
} from '../../../shared/article'
import { storyPictureNames } from '../../../shared/desk/desk-pictures'
import { isEmptyStory, readStory, writeStory } from '../../../shared/desk/story-document'
import { fail, ok, type Result } from '../../../shared/result'
import { describeZodError } from '../../../shared/validation/describe-zod-error'
import { fsFailure, isErrnoException } from '../disk/fs-failure'
import type { Library } from '../library/library'
import { DeskLink, type DeskRetry } from './desk-link'
import { REPLICA_FILE } from './replica-file'
import { StoryReplica } from './story-replica'
import { exchangePictures } from './story-pictures'

/** What sending a story to the desk, or bringing one from it, works with. */
export interface SharingContext {
  library: Library
  address: string
  token: string
  /** How long the desk has to confirm, each time it is asked. */
  confirmMs: number
  retry?: DeskRetry
  /** Each connection made, so that closing the app can end one still waiting. */
  track(link: DeskLink): () => void
}

/** A connection for one errand; `end` closes it and stops tracking it. */
function connect(context: SharingContext, story: string, doc: Y.Doc) {
  const link = new DeskLink({
    address: context.address,
    token: context.token,
    story,
    doc,
    ...(context.retry && { retry: context.retry }),
  })
  const untrack = context.track(link)
  return {
    link,
    end: () => {
      untrack()
      link.destroy()
    },
  }
}

const replicaFailure = (error: unknown, action: string) =>
  isErrnoException(error)
    ? fsFailure(error, action)
    : fail('damaged', error instanceof Error ? error.message : String(error))

/**
 * "Send to desk": the story's folder gains its replica, holding the story as the desk now has it.
 * The desk is asked first whether it takes the connection, then given the story as one change,
 * so its confirmation means it has the story (not merely that the first exchange was done). If
 * anything fails the replica goes again: the story stays as it was, local only.
 */
export async function sendToDesk(
  context: SharingContext,
  article: Article,
  folder: string,
): Promise<Result<Article>> {
  // Pictures first: once the desk has the story, whoever opens it finds its pictures there.
  const pictures = await exchangePictures(context, folder, storyPictureNames(article), new Set())
  const unsent = pictures.failed.find((failure) => failure.way === 'send')
  if (unsent)
    return fail(
      'io',
      `The story was not sent: its picture ${unsent.name} could not go to the desk (${unsent.reason})`,
    )
  let replica: StoryReplica
  try {
    ;({ replica } = await StoryReplica.open(folder))
  } catch (error) {
    return replicaFailure(error, 'prepare the story for the desk')
  }
  const { link, end } = connect(context, article.id, replica.doc)
  let sent: Result<null>
  try {
    sent = await link.confirmed(context.confirmMs)
    // A story the desk has under this id already (sent from another copy of this library) is
    // merged with, never written over.
    if (sent.ok && isEmptyStory(replica.doc)) {
      writeStory(replica.doc, fieldsOf(article))
      sent = await link.confirmed(context.confirmMs)
    }
    if (sent.ok) await replica.kept()
  } catch (error) {
    sent = replicaFailure(error, 'keep the shared copy of the story')
  } finally {
    end()
    await replica.close()
  }
  if (!sent.ok) {
    await rm(join(folder, REPLICA_FILE), { force: true }).catch(() => undefined)
    return sent
  }
  return ok(article)
}

/**
 * A story on the desk, as the desk has it now: waits for the first exchange, then checks that it
 * is a story this app can keep. `state` is the whole document, for the story's replica.
 */
export async function fetchFromDesk(
  context: SharingContext,
  id: string,
): Promise<Result<{ fields: ArticleFields; state: Uint8Array }>> {
  const doc = new Y.Doc()
  const { link, end } = connect(context, id, doc)
  try {
    const synced = await link.confirmed(context.confirmMs)
    if (!synced.ok) return synced
    if (isEmptyStory(doc)) return fail('not-found', `The desk has no story with id ${id}.`)
    const fields = ArticleFieldsSchema.safeParse(readStory(doc))
    if (!fields.success)
      return fail(
        'damaged',
        `The desk’s copy of this story is not one Copydesk can keep (${describeZodError(fields.error)}); nothing was written.`,
      )
    return ok({ fields: fields.data, state: Y.encodeStateAsUpdate(doc) })
  } finally {
    end()
    doc.destroy()
  }
}

/** Brings a desk story into the library: its folder appears whole, replica included, or not at all. */
export async function openFromDesk(context: SharingContext, id: string): Promise<Result<Article>> {
  const fetched = await fetchFromDesk(context, id)
  if (!fetched.ok) return fetched
  const { fields, state } = fetched.value
  return context.library.adopt(id, fields, {
    prepare: async (folder) => {
      const { replica } = await StoryReplica.open(folder)
      try {
        Y.applyUpdate(replica.doc, state)
        await replica.kept()
      } finally {
        await replica.close()
      }
      // A picture the desk does not have yet (its sender is offline) comes later, while the story
      // is open: the story opens without it meanwhile.
      await exchangePictures(context, folder, storyPictureNames(fields), new Set())
    },
  })
}

/**
 * A shared story with no session open here, brought up to date: its replica meets the desk, and
 * `article.json` is written from the result (as `client`, when nobody else is editing it).
 */
export async function syncStory(
  context: SharingContext,
  id: string,
  folder: string,
  client: string,
): Promise<Result<null>> {
  let replica: StoryReplica
  try {
    ;({ replica } = await StoryReplica.open(folder))
  } catch (error) {
    return replicaFailure(error, 'read the shared copy of the story')
  }
  const { link, end } = connect(context, id, replica.doc)
  try {
    const synced = await link.confirmed(context.confirmMs)
    if (!synced.ok) return synced
    await replica.kept()
    const fields = ArticleFieldsSchema.safeParse(readStory(replica.doc))
    if (fields.success) {
      const written = await context.library.saveShared(id, fields.data, client)
      if (!written.ok) return written
      await exchangePictures(context, folder, storyPictureNames(fields.data), new Set())
    }
    return ok(null)
  } catch (error) {
    return replicaFailure(error, 'keep the shared copy of the story')
  } finally {
    end()
    await replica.close()
  }
}

/** What a shared story's replica says the story is now; undefined when it holds no article. */
export async function replicaFields(folder: string): Promise<ArticleFields | undefined> {
  const { replica } = await StoryReplica.open(folder)
  try {
    const fields = ArticleFieldsSchema.safeParse(readStory(replica.doc))
    return fields.success ? fields.data : undefined
  } finally {
    await replica.close()
  }
}

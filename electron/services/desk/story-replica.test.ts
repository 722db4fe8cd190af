import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  ArticleFieldsSchema,
  createArticle,
  fieldsOf,
  type ArticleFields,
} from '../../../shared/article'
import type { TiptapNode } from '../../../shared/article/tiptap-json'
import { readStory, writeStory } from '../../../shared/desk/story-document'
import { SqliteDeskRecords } from './sqlite-desk-records'
import { startDeskServer, type RunningDeskServer } from './desk-server'
import { deskDatabasePath } from './sqlite-desk-storage'
import { REPLICA_FILE, ReplicaFileError, StoryReplica } from './story-replica'
import { connectTestClient, eventually, type DeskTestClient } from './test-desk-client'

const STORY = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b'

let temp: string
let folder: string

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'copydesk-replica-'))
  folder = join(temp, 'story')
  mkdirSync(folder)
})
afterEach(() => rmSync(temp, { recursive: true, force: true }))

const read = (doc: Y.Doc): ArticleFields => ArticleFieldsSchema.parse(readStory(doc))
const paragraphs = (...texts: string[]): TiptapNode => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
})
const bodyText = (fields: ArticleFields) => JSON.stringify(fields.body)
/** The body as it stands, also while a copy is still empty or half-synced. */
const rawBody = (doc: Y.Doc) => JSON.stringify(readStory(doc).body)

/** Types a word at the end of the story's first paragraph, as the editor would. */
function typeWord(doc: Y.Doc, word: string): void {
  const fields = read(doc)
  const first = fields.body.content?.[0]?.content?.[0]?.text ?? ''
  const rest = (fields.body.content ?? []).slice(1)
  writeStory(doc, {
    ...fields,
    body: {
      type: 'doc',
      content: [paragraphs(`${first} ${word}`).content?.[0] as TiptapNode, ...rest],
    },
  })
}

describe('a story’s copy on this machine', () => {
  it('keeps what was written offline through a restart, and merges it with the desk’s', async () => {
    const dataDir = join(temp, 'desk')
    let server: RunningDeskServer = await startDeskServer({
      storage: { dataDir },
      host: '127.0.0.1',
      port: 0,
      log: () => undefined,
    })
    const records = SqliteDeskRecords.open(deskDatabasePath(dataDir))
    const reporterToken = records.addPerson('Ana Lee', 'reporter').token
    const editorToken = records.addPerson('Sam Roe', 'editor').token
    records.close()
    const clients: DeskTestClient[] = []
    try {
      let { replica } = await StoryReplica.open(folder)
      const reporter = connectTestClient(server.url, STORY, reporterToken, replica.doc)
      clients.push(reporter)
      await reporter.synced
      writeStory(
        replica.doc,
        fieldsOf(
          createArticle(
            { headline: 'Storm closes port', body: paragraphs('The port shut.') },
            STORY,
            new Date(),
          ),
        ),
      )
      await eventually(() => reporter.provider.unsyncedChanges === 0, 'the story to reach the desk')

      const editor = connectTestClient(server.url, STORY, editorToken)
      clients.push(editor)
      await editor.synced

      // The reporter loses the connection, writes on, and quits.
      reporter.destroy()
      typeWord(replica.doc, 'offline1')
      await replica.close()

      // Meanwhile the desk edits the same paragraph and the headline.
      typeWord(editor.doc, 'desk1')
      writeStory(editor.doc, { ...read(editor.doc), headline: 'Storm shuts port' })
      await eventually(() => editor.provider.unsyncedChanges === 0, 'the desk’s edits')

      // The server restarts too; the reporter starts again, still offline, and writes more.
      await server.stop()
      server = await startDeskServer({
        storage: { dataDir },
        host: '127.0.0.1',
        port: 0,
        log: () => undefined,
      })
      ;({ replica } = await StoryReplica.open(folder))
      expect(bodyText(read(replica.doc))).toContain('offline1')
      typeWord(replica.doc, 'offline2')
      await replica.kept()

      // Back online: both sides' words, each exactly once, on both machines.
      const back = connectTestClient(server.url, STORY, reporterToken, replica.doc)
      const desk = connectTestClient(server.url, STORY, editorToken)
      clients.push(back, desk)
      await eventually(
        () => ['offline1', 'offline2', 'desk1'].every((word) => rawBody(desk.doc).includes(word)),
        'the merge',
      )
      await eventually(() => rawBody(replica.doc).includes('desk1'), 'the desk’s words')
      expect(read(replica.doc)).toEqual(read(desk.doc))
      for (const word of ['offline1', 'offline2', 'desk1', 'port shut'])
        expect(bodyText(read(desk.doc)).split(word)).toHaveLength(2)
      expect(read(desk.doc).headline).toBe('Storm shuts port')

      // What arrived from the desk was kept too: the copy on disk is the merged story.
      await replica.close()
      const { replica: reopened } = await StoryReplica.open(folder)
      expect(read(reopened.doc)).toEqual(read(desk.doc))
      await reopened.close()
    } finally {
      clients.forEach((client) => client.destroy())
      await server.stop()
    }
  })

  it('drops a record cut short by a crash and keeps everything before it', async () => {
    const { replica } = await StoryReplica.open(folder)
    writeStory(replica.doc, fieldsOf(createArticle({ headline: 'Kept' }, STORY, new Date())))
    await replica.close()
    // A record announced as five bytes, of which two reached the disk.
    appendFileSync(join(folder, REPLICA_FILE), Buffer.from([5, 0, 0, 0, 1, 2]))

    const { replica: reopened, tornBytes } = await StoryReplica.open(folder)
    expect(tornBytes).toBe(6)
    expect(read(reopened.doc).headline).toBe('Kept')
    await reopened.close()
  })

  it('follows its folder when the library renames it for a new slug', async () => {
    const moved = join(temp, 'story-renamed')
    const { replica } = await StoryReplica.open(folder, async () => moved)
    writeStory(replica.doc, fieldsOf(createArticle({ headline: 'Before' }, STORY, new Date())))
    await replica.kept()
    renameSync(folder, moved)
    typeWord(replica.doc, 'after')
    await replica.kept()
    await replica.close()

    const { replica: reopened } = await StoryReplica.open(moved)
    expect(bodyText(read(reopened.doc))).toContain('after')
    await reopened.close()
  })

  it('refuses a damaged file and leaves it untouched', async () => {
    const path = join(folder, REPLICA_FILE)
    const damaged = Buffer.concat([
      Buffer.from('CDKYJS1\n'),
      Buffer.from([3, 0, 0, 0, 255, 255, 255]),
    ])
    writeFileSync(path, damaged)
    await expect(StoryReplica.open(folder)).rejects.toThrow(ReplicaFileError)
    expect(readFileSync(path).equals(damaged)).toBe(true)

    writeFileSync(path, 'not a story')
    await expect(StoryReplica.open(folder)).rejects.toThrow(/not a Copydesk desk-updates file/)
    expect(readFileSync(path, 'utf8')).toBe('not a story')
  })
})

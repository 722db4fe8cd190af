import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Packer } from 'docx'
import { createArticle, type Article, type TiptapNode } from '../../../shared/article'
import { buildDocxDocument } from '../../../shared/export/docx'
import type { ArticleFields } from '../../../shared/article/schema'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'
import { unzipFiles } from './zip-files'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices

beforeEach(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
})
afterEach(() => temp.remove())

const text = (value: string, ...marks: TiptapNode['marks'] & object) =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const insertion = (id: string) => ({ type: 'insertion', attrs: { id } })
const deletion = (id: string) => ({ type: 'deletion', attrs: { id } })
const comment = (threadId: string) => ({ type: 'comment', attrs: { threadId } })

const ID = '5b0e6c3a-2f4d-4e8a-9b1c-3d5e7f901234'
const NOW = '2026-11-30T09:20:00.000Z'
const THREAD = '6f1c3a52-8d4e-4b1a-9c2e-1a2b3c4d5e6f'
const RESOLVED = '7a2d4b63-9e5f-4c2b-8d3f-2b3c4d5e6f70'
const GONE = '8b3e5c74-af60-4d3c-9e40-3c4d5e6f7081'

/** A story on its way to a freelancer: suggestions in headline and body, and three threads. */
const story: Partial<ArticleFields> = {
  headline: 'Council backs plan',
  tracked: {
    headline: [
      text('Council '),
      text('backs', deletion('s-headline')),
      text('approves', insertion('s-headline')),
      text(' plan'),
    ] as ArticleFields['tracked']['headline'],
  },
  byline: [
    { name: 'Rita Reporter' },
    { name: 'Ann Lee', suggestion: { id: 's-byline', kind: 'insert' } },
  ],
  body: {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          text('The council '),
          text('unanimously ', insertion('s-words')),
          // The same suggestion in two runs of formatting: one suggestion again after Word.
          text('and quickly', { type: 'bold' }, insertion('s-words')),
          text(' '),
          text('approved the plan', comment(THREAD)),
          text(' '),
          text('yesterday', deletion('s-day')),
          text('.'),
        ],
      },
      {
        type: 'paragraph',
        marks: [insertion('s-paragraph')],
        content: [text('Work starts in March.')],
      },
      {
        // A paragraph suggested away that holds someone else's suggested words.
        type: 'paragraph',
        marks: [deletion('s-cut')],
        content: [text('Traffic ', insertion('s-added')), text('will divert via the ring road.')],
      },
      {
        type: 'paragraph',
        content: [text('The bridge opens in '), text('2028', comment(RESOLVED)), text('.')],
      },
    ],
  },
  suggestions: [
    { id: 's-headline', author: 'Sam Sub', createdAt: '2026-11-30T09:15:00.000Z' },
    { id: 's-words', author: 'Sam Sub', createdAt: '2026-11-30T09:16:00.000Z' },
    { id: 's-day', author: 'Dana Desk', createdAt: '2026-11-30T09:17:00.000Z' },
    { id: 's-paragraph', author: 'Dana Desk', createdAt: '2026-11-30T09:18:00.000Z' },
    { id: 's-byline', author: 'Dana Desk', createdAt: '2026-11-30T09:19:00.000Z' },
    { id: 's-cut', author: 'Sam Sub', createdAt: '2026-11-30T09:19:30.000Z' },
    { id: 's-added', author: 'Dana Desk', createdAt: '2026-11-30T09:19:40.000Z' },
  ],
  comments: [
    {
      id: THREAD,
      author: 'Dana Desk',
      createdAt: '2026-11-30T10:00:00.000Z',
      text: 'Which meeting?',
      resolved: false,
      replies: [
        {
          id: '9c4f6d85-b071-4e4d-8f51-4d5e6f708192',
          author: 'Rita Reporter',
          createdAt: '2026-11-30T10:05:00.000Z',
          text: 'Tuesday’s.\nMinutes, page 4.',
        },
      ],
    },
    {
      id: RESOLVED,
      author: 'Sam Sub',
      createdAt: '2026-11-30T10:10:00.000Z',
      text: 'Checked with the council.',
      resolved: true,
      replies: [],
    },
    {
      id: GONE,
      author: 'Sam Sub',
      createdAt: '2026-11-30T10:20:00.000Z',
      text: 'The quote this was on was cut.',
      resolved: false,
      replies: [],
    },
  ],
}

/**
 * The body with suggestion and thread ids replaced by the order they first appear in, and each
 * suggestion by its author and time: what must come back through Word, whatever ids it has.
 */
function comparable(article: Article) {
  const names = new Map<string, string>()
  const name = (id: unknown, prefix: string) => {
    const key = `${prefix}${String(id)}`
    if (!names.has(key)) names.set(key, `${prefix}${names.size}`)
    return names.get(key)
  }
  const records = new Map(article.suggestions.map((record) => [record.id, record]))
  const walk = (node: TiptapNode): unknown => ({
    ...node,
    ...(node.marks && {
      marks: node.marks.map((mark) =>
        mark.type === 'comment'
          ? { type: 'comment', thread: name(mark.attrs?.threadId, 't') }
          : mark.type === 'insertion' || mark.type === 'deletion'
            ? {
                type: mark.type,
                suggestion: name(mark.attrs?.id, 's'),
                by: records.get(String(mark.attrs?.id))?.author,
                at: records.get(String(mark.attrs?.id))?.createdAt,
              }
            : mark,
      ),
    }),
    ...(node.content && { content: node.content.map(walk) }),
  })
  return {
    headline: article.headline,
    trackedHeadline: article.tracked.headline?.map(walk),
    body: walk(article.body),
    suggestions: article.suggestions.length,
    threads: article.comments.map(({ author, createdAt, text, resolved, replies }) => ({
      author,
      createdAt,
      text,
      resolved,
      replies: replies.map((reply) => [reply.author, reply.createdAt, reply.text]),
    })),
  }
}

describe('a story sent out in Word with its changes, and taken back', { timeout: 60_000 }, () => {
  it('comes back with the same suggestions, by the same people, and the same comment threads', async () => {
    const created = await services.library.create(story)
    if (!created.ok) throw new Error(created.error.message)

    // Without the choice, pending suggestions stop a Word export as they stop every other.
    const refused = await services.exporter.export(created.value, 'docx')
    expect(refused.ok || refused.error.message).toMatch(/7 suggestions are waiting/)

    const exported = await services.exporter.export(created.value, 'docx', { withChanges: true })
    if (!exported.ok) throw new Error(exported.error.message)
    const path = join(temp.path, 'from-the-desk.docx')
    writeFileSync(path, Buffer.from(exported.value.content, 'base64'))
    const imported = await services.importer.importFile(path)
    if (!imported.ok) throw new Error(imported.error.message)

    const before = comparable(created.value)
    const after = comparable(imported.value.article)
    expect(after.headline).toBe(before.headline)
    expect(after.trackedHeadline).toEqual(before.trackedHeadline)
    expect(after.body).toEqual(before.body)
    // A person proposed for the byline is a name inserted in Word, and comes back as made.
    expect(after.suggestions).toBe(before.suggestions - 1)
    expect(imported.value.article.byline).toEqual([{ name: 'Rita Reporter' }, { name: 'Ann Lee' }])
    expect(imported.value.notes.join(' ')).toMatch(/tracked changes in the byline.*taken as made/)
    expect(after.threads).toEqual(before.threads)
    // The thread whose text was cut has no place in the text on either side, and is said so.
    expect(imported.value.notes.join(' ')).toMatch(/1 Word comment thread is on text/)
  })

  it('only Word files carry changes', async () => {
    const created = await services.library.create(story)
    if (!created.ok) throw new Error(created.error.message)
    const html = await services.exporter.export(created.value, 'html', { withChanges: true })
    expect(html.ok || html.error.message).toMatch(/Only Word files carry suggestions/)
  })
})

describe('a picture credit changed in Suggest edits', () => {
  it('goes to Word as the old credit struck and the new one inserted', async () => {
    const figure = {
      type: 'figure',
      attrs: { src: '', alt: 'The bridge', credit: 'Jo Smith/Herald', lead: false },
      marks: [
        {
          type: 'modification',
          attrs: {
            id: 's-credit',
            type: 'attr',
            attrName: 'credit',
            previousValue: 'Herald',
            newValue: 'Jo Smith/Herald',
          },
        },
      ],
      content: [text('The bridge at dawn.')],
    }
    const article = {
      ...createArticle({ headline: 'Bridge', byline: [{ name: 'Ana Lee' }] }, ID, new Date(NOW)),
      body: { type: 'doc', content: [figure] },
      suggestions: [{ id: 's-credit', author: 'Sam Sub', createdAt: NOW }],
    } as Article
    const word = await Packer.toBuffer(buildDocxDocument(article, {}, { withChanges: true }))
    const documentXml = String(
      (await unzipFiles(word)).find(({ path }) => path === 'word/document.xml')?.bytes,
    )
    expect(documentXml).toMatch(
      /<w:del w:id="\d+" w:author="Sam Sub"[^>]*><w:r><w:rPr><w:rStyle w:val="Credit"\/><\/w:rPr><w:delText xml:space="preserve"> Herald<\/w:delText>/,
    )
    expect(documentXml).toMatch(
      /<w:ins w:id="\d+" w:author="Sam Sub"[^>]*><w:r><w:rPr><w:rStyle w:val="Credit"\/><\/w:rPr><w:t xml:space="preserve"> Jo Smith\/Herald<\/w:t>/,
    )
  })
})

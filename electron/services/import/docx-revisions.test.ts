import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article, TiptapNode } from '../../../shared/article'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices

beforeEach(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
})
afterEach(() => temp.remove())

async function importDocx(document: Document) {
  const path = join(temp.path, 'freelance.docx')
  writeFileSync(path, await Packer.toBuffer(document))
  const result = await services.importer.importFile(path)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const SAM = { author: 'Sam Sub', date: '2026-11-30T09:15:00Z' }
const RITA = { author: 'Rita Reporter', date: '2026-11-30T10:40:00Z' }

const paragraphs = (article: Article) =>
  (article.body.content ?? []).filter((node: TiptapNode) => node.type === 'paragraph')

/** The block's text with every suggestion accepted (or rejected): what each choice leaves. */
const textWithout =
  (removed: string) =>
  (node: TiptapNode | undefined): string =>
    node?.marks?.some((mark) => mark.type === removed)
      ? ''
      : (node?.text ?? (node?.content ?? []).map(textWithout(removed)).join(''))
const acceptedText = textWithout('deletion')
const rejectedText = textWithout('insertion')

/** The ids of the marks of `type` on the text `text` in the body. */
function marksOn(article: Article, text: string, type: string): string[] {
  const found: string[] = []
  const walk = (node: TiptapNode) => {
    if (node.text === text)
      for (const mark of node.marks ?? []) {
        if (mark.type === type) found.push(String(mark.attrs?.id ?? mark.attrs?.threadId))
      }
    node.content?.forEach(walk)
  }
  walk(article.body)
  return found
}

describe('Word tracked changes and comments on import', { timeout: 60_000 }, () => {
  it('become suggestions with their authors and dates, and comment threads on the same text', async () => {
    const { article, notes } = await importDocx(
      new Document({
        comments: {
          children: [
            {
              id: 0,
              author: SAM.author,
              date: new Date(SAM.date),
              children: [new Paragraph('Which meeting? Add the date.')],
            },
            {
              id: 1,
              author: RITA.author,
              date: new Date(RITA.date),
              parentId: 0,
              children: [new Paragraph('Tuesday’s, in the minutes on page 4.')],
            },
            {
              id: 2,
              author: SAM.author,
              date: new Date(SAM.date),
              resolved: true,
              children: [new Paragraph('Spelling checked against the council site.')],
            },
          ],
        },
        sections: [
          {
            children: [
              new Paragraph({
                heading: HeadingLevel.TITLE,
                children: [
                  new TextRun('Council '),
                  new DeletedTextRun({ id: 1, ...SAM, text: 'backs' }),
                  new InsertedTextRun({ id: 2, ...SAM, text: 'approves' }),
                  new TextRun(' bridge plan'),
                ],
              }),
              new Paragraph({
                children: [
                  new TextRun('The council '),
                  new CommentRangeStart(0),
                  new TextRun('approved the plan'),
                  new CommentRangeEnd(0),
                  new TextRun({ children: [new CommentReference(0)] }),
                  new TextRun(' '),
                  new DeletedTextRun({ id: 3, ...RITA, text: 'yesterday' }),
                  new InsertedTextRun({ id: 4, ...SAM, text: 'on Tuesday' }),
                  new TextRun(', said '),
                  new CommentRangeStart(2),
                  new TextRun('Councillor Ngaio Marsh'),
                  new CommentRangeEnd(2),
                  new TextRun({ children: [new CommentReference(2)] }),
                  new TextRun('.'),
                ],
              }),
            ],
          },
        ],
      }),
    )

    // The headline: the text as it stood, with the change proposed beside it.
    expect(article.headline).toBe('Council backs bridge plan')
    expect(article.tracked.headline?.map((node) => [node.text, node.marks?.[0]?.type])).toEqual([
      ['Council ', undefined],
      ['backs', 'deletion'],
      ['approves', 'insertion'],
      [' bridge plan', undefined],
    ])

    // Each change is its own suggestion, by its author, at its time.
    const [deletedId] = marksOn(article, 'yesterday', 'deletion')
    const [insertedId] = marksOn(article, 'on Tuesday', 'insertion')
    const byId = new Map(article.suggestions.map((record) => [record.id, record]))
    expect(byId.get(deletedId ?? '')).toMatchObject({
      author: RITA.author,
      createdAt: '2026-11-30T10:40:00.000Z',
    })
    expect(byId.get(insertedId ?? '')).toMatchObject({
      author: SAM.author,
      createdAt: '2026-11-30T09:15:00.000Z',
    })
    // Word's replacement in the headline (a deletion and an insertion, by one person at one time)
    // is one suggestion, as Copydesk records a replacement.
    expect(article.suggestions).toHaveLength(3)
    const headlineIds = article.tracked.headline?.flatMap((node) => node.marks ?? [])
    expect(new Set(headlineIds?.map((mark) => mark.attrs.id)).size).toBe(1)
    const [opening] = paragraphs(article)
    expect(acceptedText(opening)).toBe(
      'The council approved the plan on Tuesday, said Councillor Ngaio Marsh.',
    )
    expect(rejectedText(opening)).toBe(
      'The council approved the plan yesterday, said Councillor Ngaio Marsh.',
    )

    // The comment threads: anchored on the same words, with the reply and the resolved state.
    expect(article.comments).toHaveLength(2)
    const [question, checked] = article.comments
    expect(question).toMatchObject({
      author: SAM.author,
      createdAt: '2026-11-30T09:15:00.000Z',
      text: 'Which meeting? Add the date.',
      resolved: false,
      replies: [{ author: RITA.author, text: 'Tuesday’s, in the minutes on page 4.' }],
    })
    expect(checked).toMatchObject({ resolved: true, replies: [] })
    expect(marksOn(article, 'approved the plan', 'comment')).toEqual([question?.id])
    expect(marksOn(article, 'Councillor Ngaio Marsh', 'comment')).toEqual([checked?.id])
    expect(notes).toEqual([])
  })

  it('a paragraph Word inserted whole is a suggested paragraph, and one it deleted whole goes on accepting', async () => {
    const { article } = await importDocx(
      new Document({
        features: { trackRevisions: true },
        sections: [
          {
            children: [
              new Paragraph({ text: 'Bridge plan', heading: HeadingLevel.TITLE }),
              new Paragraph('The council approved the plan.'),
              new Paragraph({
                // Word marks the paragraph's own mark as inserted, as when Enter was pressed.
                run: { insertion: { id: 5, ...SAM } },
                children: [new InsertedTextRun({ id: 6, ...SAM, text: 'Work starts in March.' })],
              }),
              new Paragraph({
                run: { deletion: { id: 7, ...RITA } },
                children: [new DeletedTextRun({ id: 8, ...RITA, text: 'More to follow.' })],
              }),
            ],
          },
        ],
      }),
    )
    const block = (text: string) =>
      article.body.content?.find((node) => node.content?.[0]?.text === text)
    const added = block('Work starts in March.')
    const removed = block('More to follow.')
    expect(added?.marks?.map((mark) => mark.type)).toEqual(['insertion'])
    expect(removed?.marks?.map((mark) => mark.type)).toEqual(['deletion'])
    expect(article.suggestions.map((record) => record.author).sort()).toEqual([
      RITA.author,
      SAM.author,
    ])
  })

  it('changes in the byline are taken as made, and said so', async () => {
    const { article, notes } = await importDocx(
      new Document({
        styles: { paragraphStyles: [{ id: 'Byline', name: 'Byline', basedOn: 'Normal' }] },
        sections: [
          {
            children: [
              new Paragraph({ text: 'Bridge plan', heading: HeadingLevel.TITLE }),
              new Paragraph({
                style: 'Byline',
                children: [
                  new TextRun('By '),
                  new DeletedTextRun({ id: 1, ...SAM, text: 'Ann Lee' }),
                  new InsertedTextRun({ id: 2, ...SAM, text: 'Anne Lee' }),
                ],
              }),
              new Paragraph('The council approved the plan.'),
            ],
          },
        ],
      }),
    )
    expect(article.byline).toEqual([{ name: 'Anne Lee' }])
    expect(article.suggestions).toEqual([])
    expect(notes.join(' ')).toMatch(/tracked changes in the byline.*taken as made/)
  })
})

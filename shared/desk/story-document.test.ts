import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ArticleFieldsSchema, createArticle, fieldsOf, type ArticleFields } from '../article'
import { articleFields } from '../article/test-article-arbitrary'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodySchema } from '../editor/schemas'
import {
  isEmptyStory,
  readStory,
  readStoryDetails,
  STORY_PARTS,
  writeStory,
  writeStoryDetails,
  detailsChangedSince,
} from './story-document'

const ID = '0f8e2c8a-7d1b-4c55-9d0e-2a4b6c8d0e1f'
const NOW = new Date('2026-12-06T08:00:00.000Z')

const story = (input: Partial<ArticleFields> = {}): ArticleFields =>
  fieldsOf(createArticle({ headline: 'Council votes on harbour bridge', ...input }, ID, NOW))

const paragraph = (text: string): TiptapNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})
const body = (...texts: string[]): TiptapNode => ({ type: 'doc', content: texts.map(paragraph) })

/** The fields as the document gives them back, checked as the desk server checks them. */
const read = (doc: Y.Doc): ArticleFields => ArticleFieldsSchema.parse(readStory(doc))

/** Bodies compared as ProseMirror sees them: default attributes filled in. */
const normalised = (fields: ArticleFields): ArticleFields => ({
  ...fields,
  body: articleBodySchema().nodeFromJSON(fields.body).toJSON() as TiptapNode,
})

/** Two machines that both had the same story, then edited apart. */
function twoCopies(fields: ArticleFields): [Y.Doc, Y.Doc] {
  const first = new Y.Doc()
  writeStory(first, fields)
  const second = new Y.Doc()
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
  return [first, second]
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}

describe('a story in a shared document', () => {
  it('gives back every field it was given', () => {
    fc.assert(
      fc.property(articleFields, (input) => {
        const fields = story(input)
        const doc = new Y.Doc()
        writeStory(doc, fields)
        expect(read(doc)).toEqual(normalised(fields))
      }),
      { numRuns: 60 },
    )
  })

  it('keeps a headline suggestion apart from the headline text', () => {
    const fields = story({
      headline: 'Council votes',
      tracked: {
        headline: [
          { type: 'text', text: 'Council votes' },
          { type: 'text', text: ' again', marks: [{ type: 'insertion', attrs: { id: 's1' } }] },
        ],
      },
      suggestions: [{ id: 's1', author: 'Desk', createdAt: NOW.toISOString() }],
    })
    const doc = new Y.Doc()
    writeStory(doc, fields)
    const back = read(doc)
    expect(back.headline).toBe('Council votes')
    expect(back.tracked.headline).toEqual(fields.tracked.headline)
    expect(back.suggestions).toEqual(fields.suggestions)
  })

  it('is empty until a story is written to it', () => {
    const doc = new Y.Doc()
    expect(isEmptyStory(doc)).toBe(true)
    writeStory(doc, story())
    expect(isEmptyStory(doc)).toBe(false)
  })

  it('merges edits made apart to different fields, lists and threads', () => {
    const base = story({ body: body('First paragraph.', 'Second paragraph.'), keywords: ['port'] })
    const [reporter, editor] = twoCopies(base)
    const comment = (id: string, author: string) => ({
      id,
      author,
      createdAt: NOW.toISOString(),
      text: `${author} asks`,
      resolved: false,
      replies: [],
    })

    writeStory(reporter, {
      ...base,
      body: body('First paragraph, rewritten.', 'Second paragraph.'),
      keywords: ['port', 'bridge'],
      comments: [comment('5b0c1d2e-0000-4000-8000-000000000001', 'Ana')],
    })
    writeStory(editor, {
      ...base,
      headline: 'Council approves harbour bridge',
      status: 'subbed',
      keywords: ['harbour', 'port'],
      comments: [comment('5b0c1d2e-0000-4000-8000-000000000002', 'Sam')],
    })
    exchange(reporter, editor)

    const merged = read(reporter)
    expect(read(editor)).toEqual(merged)
    expect(merged.headline).toBe('Council approves harbour bridge')
    expect(merged.status).toBe('subbed')
    expect(merged.body).toEqual(
      normalised({ ...base, body: body('First paragraph, rewritten.', 'Second paragraph.') }).body,
    )
    expect([...merged.keywords].sort()).toEqual(['bridge', 'harbour', 'port'])
    expect(merged.comments.map((thread) => thread.author).sort()).toEqual(['Ana', 'Sam'])
  })

  it('keeps the sources and quote checks each person logged apart', () => {
    const base = story({ body: body('“The bridge is safe,” the engineer said.') })
    const [reporter, editor] = twoCopies(base)
    const source = (id: string, name: string) => ({
      id,
      name,
      role: '',
      reached: 'phone' as const,
      contact: '',
      notes: '',
      createdAt: NOW.toISOString(),
    })
    const engineer = source('6c1d2e3f-0000-4000-8000-000000000001', 'Hemi Walker')
    writeStory(reporter, {
      ...base,
      sources: [engineer],
      quotes: [
        {
          id: '6c1d2e3f-0000-4000-8000-000000000002',
          quote: 'The bridge is safe,',
          sourceId: engineer.id,
          saidAt: '4 Dec',
          createdAt: NOW.toISOString(),
        },
      ],
    })
    writeStory(editor, {
      ...base,
      sources: [source('6c1d2e3f-0000-4000-8000-000000000003', 'Mere Tane')],
    })
    exchange(reporter, editor)

    const merged = read(editor)
    expect(merged.sources.map(({ name }) => name).sort()).toEqual(['Hemi Walker', 'Mere Tane'])
    expect(merged.quotes).toEqual([expect.objectContaining({ sourceId: engineer.id })])
  })

  it('keeps both people’s words when they type in the same paragraph apart', () => {
    const base = story({ body: body('The council met.') })
    const [reporter, editor] = twoCopies(base)
    writeStory(reporter, { ...base, body: body('The city council met.') })
    writeStory(editor, { ...base, body: body('The council met on Tuesday.') })
    exchange(reporter, editor)
    expect(read(reporter).body).toEqual(read(editor).body)
    const text = JSON.stringify(read(reporter).body)
    expect(text.match(/city/g)).toHaveLength(1)
    expect(text.match(/on Tuesday/g)).toHaveLength(1)
  })

  it('keeps every word whole when a typed word repeats the one beside it', () => {
    // Found by the three-machine property test: "Ward 1" becoming "Ward 10 Ward 1" was written as
    // "0 Ward 1" added at the end, and the other person's " and 6" at the same end could land
    // first: "Ward 1 and 60 Ward 1". Which lands first depends on the machines' client ids.
    const base = story({ body: body('Votes from Ward 1'), headline: 'Count of Ward 1' })
    for (const [reporterId, editorId] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const original = new Y.Doc()
      writeStory(original, base)
      const [reporter, editor] = [reporterId, editorId].map((clientID) => {
        const copy = new Y.Doc()
        copy.clientID = clientID
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(original))
        return copy
      }) as [Y.Doc, Y.Doc]
      writeStory(reporter, {
        ...base,
        headline: 'Count of Ward 10 Ward 1',
        body: body('Votes from Ward 10 Ward 1'),
      })
      writeStory(editor, {
        ...base,
        headline: 'Count of Ward 1 and 6',
        body: body('Votes from Ward 1 and 6'),
      })
      exchange(reporter, editor)
      expect(read(reporter)).toEqual(read(editor))
      expect(read(reporter).headline).toBe('Count of Ward 10 Ward 1 and 6')
      expect(read(reporter).body).toEqual(body('Votes from Ward 10 Ward 1 and 6'))
    }
  })
})

describe('a story’s details, apart from its texts', () => {
  it('are written and read without touching the texts the editors are bound to', () => {
    const doc = new Y.Doc()
    writeStory(doc, story({ body: body('The bridge closes on Monday.') }))
    const before = Y.encodeStateVector(doc)
    const {
      body: _body,
      headline,
      standfirst,
      tracked,
      ...details
    } = story({
      dateline: 'HULL',
      keywords: ['bridge', 'transport'],
      byline: [{ name: 'Ana Lee' }],
    })
    writeStoryDetails(doc, details)
    const change = Y.encodeStateAsUpdate(doc, before)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(readStoryDetails(other)).toEqual(details)
    expect(read(other).body).toEqual(
      normalised(story({ body: body('The bridge closes on Monday.') })).body,
    )
    // Only the details changed: nothing of the body was written again.
    const probe = new Y.Doc()
    Y.applyUpdate(probe, change)
    expect(probe.getXmlFragment(STORY_PARTS.body).length).toBe(0)
  })

  it('written as changed since the form and the document last agreed, keep others’ changes', () => {
    const doc = new Y.Doc()
    writeStory(doc, story())
    const agreed = readStoryDetails(doc)
    if (!agreed) throw new Error('no details')
    // Someone else sets the section; this person, not yet shown it, changes the dateline.
    doc.getMap(STORY_PARTS.details).set('section', 'Transport')
    const mine = { ...agreed, dateline: 'HULL' }
    expect(detailsChangedSince(agreed, mine)).toEqual({ dateline: 'HULL' })
    writeStoryDetails(doc, detailsChangedSince(agreed, mine))
    expect(readStoryDetails(doc)).toMatchObject({ section: 'Transport', dateline: 'HULL' })
  })

  it('are undefined when they do not fit the article schema', () => {
    const doc = new Y.Doc()
    writeStory(doc, story())
    doc.getMap(STORY_PARTS.details).set('status', 'lost')
    expect(readStoryDetails(doc)).toBeUndefined()
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ArticleFieldsSchema, createArticle, fieldsOf, type ArticleFields } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { readStory, writeStory } from './story-document'

// Three people on three machines edit the same story, each through `writeStory` as their app
// will, while their changes reach each other in any order, late, or (while offline) not at all
// until the end. Whatever the order, every copy must end up the same, with each word anyone
// typed in it exactly once.

const ID = '3a5c7e9b-2d4f-4a6b-8c0d-1e2f3a4b5c6d'
const PEOPLE = 3

type Edit =
  | { kind: 'type'; person: number; paragraph: number; at: number }
  | { kind: 'headline'; person: number }
  | { kind: 'keyword'; person: number }
  | { kind: 'comment'; person: number }
  | { kind: 'deliver'; from: number; to: number }

const person = fc.integer({ min: 0, max: PEOPLE - 1 })
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      person,
      paragraph: fc.integer({ min: 0, max: 2 }),
      at: fc.nat(12),
    }),
  },
  fc.record({ kind: fc.constant('headline' as const), person }),
  fc.record({ kind: fc.constant('keyword' as const), person }),
  fc.record({ kind: fc.constant('comment' as const), person }),
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: person, to: person }),
  },
)

const paragraphText = (block: TiptapNode | undefined) =>
  (block?.content ?? []).map((node) => node.text ?? '').join('')

function withWordAt(text: string, at: number, word: string): string {
  const words = text.split(' ')
  words.splice(Math.min(at, words.length), 0, word)
  return words.join(' ')
}

/** One person's edit, made as the app makes it: read the story, change it, write it back. */
function apply(doc: Y.Doc, change: Exclude<Edit, { kind: 'deliver' }>, word: string): void {
  const fields = ArticleFieldsSchema.parse(readStory(doc))
  const next: ArticleFields = { ...fields }
  if (change.kind === 'type') {
    const blocks = [...(fields.body.content ?? [])]
    const text = withWordAt(paragraphText(blocks[change.paragraph]), change.at, word)
    blocks[change.paragraph] = { type: 'paragraph', content: [{ type: 'text', text }] }
    next.body = { ...fields.body, content: blocks }
  } else if (change.kind === 'headline') {
    next.headline = `${fields.headline} ${word}`
  } else if (change.kind === 'keyword') {
    next.keywords = [...fields.keywords, word]
  } else {
    next.comments = [
      ...fields.comments,
      {
        id: `00000000-0000-4000-8000-${word.slice(1).padStart(12, '0')}`,
        author: `Person ${change.person}`,
        createdAt: new Date(Date.UTC(2026, 11, 6, 9, 0, Number(word.slice(1)))).toISOString(),
        text: word,
        resolved: false,
        replies: [],
      },
    ]
  }
  writeStory(doc, next)
}

function deliver(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

const count = (text: string, word: string) =>
  text.split(/[\s"]+/).filter((token) => token === word).length

describe('a shared story edited apart on three machines', () => {
  it('ends the same everywhere, with every typed word exactly once', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const base = fieldsOf(
          createArticle(
            {
              headline: 'Harbour bridge',
              body: {
                type: 'doc',
                content: ['The council met.', 'It voted late.', 'Work starts soon.'].map(
                  (text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }),
                ),
              },
            },
            ID,
            new Date('2026-12-06T09:00:00.000Z'),
          ),
        )
        const docs = Array.from({ length: PEOPLE }, () => new Y.Doc())
        writeStory(docs[0] as Y.Doc, base)
        docs.slice(1).forEach((doc) => deliver(docs[0] as Y.Doc, doc))

        const typed: { kind: Edit['kind']; word: string }[] = []
        edits.forEach((change, index) => {
          if (change.kind === 'deliver') {
            deliver(docs[change.from] as Y.Doc, docs[change.to] as Y.Doc)
            return
          }
          const word = `w${index}`
          apply(docs[change.person] as Y.Doc, change, word)
          typed.push({ kind: change.kind, word })
        })
        // Everyone back online: every change reaches everyone.
        for (const from of docs) for (const to of docs) if (from !== to) deliver(from, to)

        const stories = docs.map((doc) => ArticleFieldsSchema.parse(readStory(doc)))
        expect(stories[1]).toEqual(stories[0])
        expect(stories[2]).toEqual(stories[0])
        const story = stories[0] as ArticleFields
        const bodyText = (story.body.content ?? []).map(paragraphText).join(' ')
        for (const { kind, word } of typed) {
          if (kind === 'type') expect(count(bodyText, word)).toBe(1)
          if (kind === 'headline') expect(count(story.headline, word)).toBe(1)
          if (kind === 'keyword') expect(story.keywords.filter((k) => k === word)).toHaveLength(1)
          if (kind === 'comment')
            expect(story.comments.filter((thread) => thread.text === word)).toHaveLength(1)
        }
        expect(count(bodyText, 'council')).toBe(1)
        expect(story.body.content).toHaveLength(3)
      }),
      { numRuns: 150 },
    )
  })
})

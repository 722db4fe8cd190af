import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportArticle } from '../export'
import { TEXT_FORMATS } from '../export/formats'
import { createArticle } from './create'
import type { TiptapNode } from './tiptap-json'
import { parseArticleJson, serializeArticle } from './serialize'
import { slugify } from './slug'

const SEED = 20261129

const inlineText = fc
  .string({ minLength: 1, maxLength: 40 })
  .map((text): TiptapNode => ({ type: 'text', text }))
const markedText = fc
  .tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.subarray(['bold', 'italic', 'strike']))
  .map(([text, marks]): TiptapNode => ({
    type: 'text',
    text,
    ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
  }))
const paragraph = fc
  .array(fc.oneof(inlineText, markedText), { maxLength: 4 })
  .map((content): TiptapNode =>
    content.length ? { type: 'paragraph', content } : { type: 'paragraph' },
  )
const heading = fc
  .tuple(fc.constantFrom(2, 3), fc.array(inlineText, { minLength: 1, maxLength: 2 }))
  .map(([level, content]): TiptapNode => ({ type: 'heading', attrs: { level }, content }))
const body = fc
  .array(fc.oneof(paragraph, heading), { minLength: 1, maxLength: 6 })
  .map((content): TiptapNode => ({ type: 'doc', content }))

const article = fc
  .record({
    id: fc.uuid({ version: 4 }),
    headline: fc.string({ maxLength: 120 }),
    standfirst: fc.string({ maxLength: 200 }),
    byline: fc.array(
      fc.record({
        name: fc
          .string({ minLength: 1, maxLength: 30 })
          .filter((name) => name.trim() === name && name.length > 0),
      }),
      { maxLength: 3 },
    ),
    keywords: fc.array(
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter((word) => word.trim() === word && word.length > 0),
      { maxLength: 5 },
    ),
    body,
    at: fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
  })
  .map(({ id, at, headline, ...fields }) =>
    createArticle({ ...fields, headline, slug: slugify(headline) }, id, at),
  )

describe('article properties', () => {
  it('serialize then parse gives the same article', () => {
    fc.assert(
      fc.property(article, (original) => {
        expect(parseArticleJson(serializeArticle(original))).toEqual({
          ok: true,
          article: original,
        })
      }),
      { seed: SEED, numRuns: 150 },
    )
  })

  it('exports are deterministic and never throw', () => {
    fc.assert(
      fc.property(article, fc.constantFrom(...TEXT_FORMATS), (original, format) => {
        expect(exportArticle(original, format)).toEqual(
          exportArticle(structuredClone(original), format),
        )
      }),
      { seed: SEED, numRuns: 150 },
    )
  })
})

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getSchema } from '@tiptap/core'
import { Transform } from '@tiptap/pm/transform'
import type { Decoration, DecorationSet } from '@tiptap/pm/view'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { articleBodyExtensions } from '../../../shared/editor/extensions'
import { compileRules, ignoreKey } from '../../../shared/style/check'
import { checkDocument } from '../../../shared/style/check-document'
import { RulePackSchema } from '../../../shared/style/rules'
import type { PlacedMatch } from '../stores/style-store'
import { allUnderlines, restyledUnderlines } from './house-style'

vi.mock('../api/client', () => ({ client: { invoke: vi.fn(), on: vi.fn() } }))

/** happy-dom's URL is not Node's: the rule pack is found by path. */
const here = dirname(fileURLToPath(import.meta.url))
const schema = getSchema(articleBodyExtensions())
const rules = compileRules(
  RulePackSchema.parse(
    JSON.parse(readFileSync(join(here, '../../../resources/style/copydesk.json'), 'utf8')),
  ).rules,
)

const matchesIn = (doc: ReturnType<typeof schema.nodeFromJSON>): PlacedMatch[] =>
  checkDocument(doc, rules).map((match) => ({ ...match, field: 'Body', key: ignoreKey(match) }))

const underlinesOf = (set: DecorationSet) =>
  set
    .find()
    .map((decoration: Decoration) => [
      decoration.from,
      decoration.to,
      (decoration as unknown as { type: { attrs: { title: string } } }).type.attrs.title,
    ])
    .sort((a, b) => Number(a[0]) - Number(b[0]))

const paragraphs = [
  'The council met at 9 in the morning.',
  'It said the "harbour plan" was on track.',
  'Around 4 people spoke, towards the end.',
  'Nobody objected.',
]
const story = schema.nodeFromJSON({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
})

/** An edit somewhere in the story: typed text, a deletion, or Enter. */
const anEdit = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.nat(),
    text: fc.constantFrom('x', ' 7 ', '"quoted"', 'toward ', '5'),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
)

/** A text position in the document, from any number. */
function textPosition(doc: typeof story, seed: number): number {
  const positions: number[] = []
  doc.descendants((node, position) => {
    if (node.isText) for (let i = 0; i <= node.nodeSize; i++) positions.push(position + i)
  })
  return positions[seed % positions.length] ?? 1
}

describe('house-style underlines after an edit', () => {
  it('are exactly those of underlining the whole story afresh', () => {
    fc.assert(
      fc.property(fc.array(anEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        const underlines = allUnderlines(story, matchesIn(story))
        const transform = new Transform(story)
        for (const edit of edits) {
          const at = textPosition(transform.doc, edit.at)
          if (edit.kind === 'type') transform.insert(at, schema.text(edit.text))
          else if (edit.kind === 'split') transform.split(at)
          else transform.delete(at, Math.min(at + edit.length, transform.doc.content.size - 1))
        }
        const { doc } = transform
        const again = restyledUnderlines(
          underlines.map(transform.mapping, doc),
          story,
          doc,
          matchesIn(doc),
        )
        expect(underlinesOf(again)).toEqual(underlinesOf(allUnderlines(doc, matchesIn(doc))))
      }),
      { numRuns: 300 },
    )
  })

  it('are the very same set when the story has not changed', () => {
    const underlines = allUnderlines(story, matchesIn(story))
    expect(underlinesOf(underlines).length).toBeGreaterThanOrEqual(3)
    expect(restyledUnderlines(underlines, story, story, matchesIn(story))).toBe(underlines)
  })
})

// @vitest-environment happy-dom
import { Packer } from 'docx'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Article, TiptapNode } from '../../../shared/article'
import { exportedBody } from '../../../shared/export/body'
import { buildDocxDocument } from '../../../shared/export/docx'
import { createTestBodyEditor } from '../../../shared/editor/test-body-editor'
import { applyEdit } from '../../../shared/editor/test-edits'
import { parseDocx } from './docx'
import { htmlToBody } from './html-to-body'

/** 40 in every test run; 400 passed when the test was written. */
const RUNS = 40

/** What the desk does in Suggest edits before a story goes out: typing, deleting, Enter. */
const suggestedEdits = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('type' as const),
      at: fc.nat(),
      text: fc.stringMatching(/^[a-z]{1,6}$/),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 12 }),
    }),
    fc.record({ kind: fc.constant('enter' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 8 },
)

/**
 * Paragraphs only: what Word cannot tell apart in lists and quotes (an item split in two, two
 * quotes side by side) is the round-trip property test's business, with or without changes.
 */
const START =
  '<p>The council met on Tuesday.</p><p>It voted <strong>seven to two</strong> to close the <em>old</em> bridge.</p><p>Ferries run hourly.</p>'

/** The body with suggestion ids named by the order they first appear in. */
function renamed(body: TiptapNode): unknown {
  const names = new Map<string, string>()
  const walk = (node: TiptapNode): unknown => ({
    ...node,
    ...(node.marks && {
      marks: node.marks.map((mark) => {
        if (mark.type !== 'insertion' && mark.type !== 'deletion') return mark
        const id = String(mark.attrs?.id)
        if (!names.has(id)) names.set(id, `s${names.size}`)
        return { type: mark.type, attrs: { id: names.get(id) } }
      }),
    }),
    ...(node.content && { content: node.content.map(walk) }),
  })
  return walk(body)
}

describe('suggestions through Word', () => {
  it(
    'any run of suggested edits comes back from a Word file exactly, suggestion by suggestion',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(suggestedEdits, async (edits) => {
          const editor = createTestBodyEditor(START)
          editor.commands.setSuggestMode(true)
          try {
            for (const edit of edits) applyEdit(editor, edit)
          } catch {
            // The suggestion library refuses a few rare edits outright; Word is not the question.
            editor.destroy()
            fc.pre(false)
          }
          const body = editor.getJSON() as TiptapNode
          editor.destroy()
          // Each suggestion its own time: two side by side must stay two.
          const ids = [...JSON.stringify(body).matchAll(/"id":"(s\d+)"/g)].map((match) => match[1])
          const suggestions = [...new Set(ids)].map((id, index) => ({
            id: String(id),
            author: 'Dana Desk',
            createdAt: new Date(Date.UTC(2026, 10, 30, 9, 0, index)).toISOString(),
          }))
          const article = {
            headline: 'Bridge vote',
            standfirst: '',
            byline: [{ name: 'Rita Reporter' }],
            dateline: '',
            keywords: [],
            body,
            tracked: {},
            comments: [],
            suggestions,
            updatedAt: '2026-11-30T10:00:00.000Z',
          } as unknown as Article
          const word = await Packer.toBuffer(buildDocxDocument(article, {}, { withChanges: true }))
          const story = await parseDocx(word)
          expect(
            renamed(htmlToBody(story.bodyHtml, { exactSpaces: story.exactSpaces ?? false })),
          ).toEqual(renamed(exportedBody(body)))
          // Every suggestion that goes out (empty paragraphs at either end do not) comes back.
          const exported = new Set(
            [...JSON.stringify(exportedBody(body)).matchAll(/"id":"(s\d+)"/g)].map(
              (match) => match[1],
            ),
          )
          expect(story.suggestions ?? []).toHaveLength(exported.size)
        }),
        {
          numRuns: RUNS,
          examples: [
            // An empty paragraph struck whole (CI found it): Word has only its paragraph mark.
            [
              [
                { kind: 'enter', at: 1640649511 },
                { kind: 'delete', at: 608083499, length: 3 },
                { kind: 'enter', at: 0 },
              ],
            ],
          ],
        },
      )
    },
  )
})

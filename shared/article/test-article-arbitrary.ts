import fc from 'fast-check'
import type { BylineEntry } from './schema'
import type { TiptapNode } from './tiptap-json'

/**
 * Words as copy has them: accents, other scripts, typographic quotes and dashes, figures, and
 * the characters markup formats must escape. Text is words joined by single spaces, so a format
 * that folds runs of spaces (as HTML does) gives back exactly what it was given.
 */
const word = fc.constantFrom(
  'council',
  'Tuesday',
  'Wellington',
  'São',
  'Paulo',
  'Zürich',
  'Ærø',
  '東京',
  'мэр',
  '“quoted”',
  '—',
  '£66bn',
  '4.5%',
  'R&D',
  '<b>',
  'a<b',
  '"fine"',
  "it's",
  '#1',
  '*not*',
  '_not_',
)
export const plainText = fc
  .array(word, { minLength: 1, maxLength: 8 })
  .map((words) => words.join(' '))

const LINK = { type: 'link', attrs: { href: 'https://example.com/story?id=1&x=2' } }
const run = fc
  .tuple(plainText, fc.subarray(['bold', 'italic', 'link'] as const))
  .map(([text, marks]): TiptapNode => {
    const nodeMarks = marks.map((mark) => (mark === 'link' ? LINK : { type: mark }))
    return { type: 'text', text, ...(nodeMarks.length ? { marks: nodeMarks } : {}) }
  })

/** Inline runs with a space between neighbours, so no two runs run into one word. */
const inline = fc
  .array(run, { minLength: 1, maxLength: 4 })
  .map((runs) =>
    runs.flatMap((node, index): TiptapNode[] =>
      index === 0 ? [node] : [{ type: 'text', text: ' ' }, node],
    ),
  )

const paragraph = inline.map((content): TiptapNode => ({ type: 'paragraph', content }))
const heading = fc.tuple(fc.constantFrom(2, 3), plainText).map(([level, text]): TiptapNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
}))
const pullQuote = plainText.map((text): TiptapNode => ({
  type: 'pullQuote',
  content: [{ type: 'text', text }],
}))
const blockquote = fc
  .array(paragraph, { minLength: 1, maxLength: 2 })
  .map((content): TiptapNode => ({ type: 'blockquote', content }))
const rule = fc.constant<TiptapNode>({ type: 'horizontalRule' })

const listType = fc.constantFrom('bulletList', 'orderedList')
const simpleItem = paragraph.map((first): TiptapNode => ({ type: 'listItem', content: [first] }))
const simpleList = fc
  .tuple(listType, fc.array(simpleItem, { minLength: 1, maxLength: 3 }))
  .map(([type, content]): TiptapNode => ({ type, content }))
/** A list, its items holding a nested list at most one level down, as copy nests them. */
const list = fc
  .tuple(
    listType,
    fc.array(
      fc
        .tuple(paragraph, fc.option(simpleList, { nil: undefined }))
        .map(([first, nested]): TiptapNode => ({
          type: 'listItem',
          content: nested ? [first, nested] : [first],
        })),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([type, content]): TiptapNode => ({ type, content }))

const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(plainText, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
  .map((rows): TiptapNode => ({
    type: 'table',
    content: rows.map((cells, rowIndex) => ({
      type: 'tableRow',
      content: cells.map((text) => ({
        type: rowIndex === 0 ? 'tableHeader' : 'tableCell',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      })),
    })),
  }))

/** A figure whose picture is in the article's assets (the tests put a file there). */
export const figure = fc
  .record({
    caption: plainText,
    credit: plainText,
    alt: plainText,
    // Rights as pictures carry them: often none, each on its own.
    creator: fc.oneof(fc.constant(''), plainText),
    copyright: fc.oneof(
      fc.constant(''),
      plainText.map((text) => `© ${text}`),
    ),
    source: fc.oneof(fc.constant(''), plainText),
    lead: fc.boolean(),
    file: fc.constantFrom('assets/3f2a9c1e.jpg', 'assets/b71d04aa.png'),
  })
  .map(({ caption, credit, alt, creator, copyright, source, lead, file }): TiptapNode => ({
    type: 'figure',
    attrs: { src: file, alt, credit, creator, copyright, source, lead },
    content: [{ type: 'text', text: caption }],
  }))

export const articleBody = fc
  .array(
    fc.oneof(
      { arbitrary: paragraph, weight: 5 },
      heading,
      list,
      blockquote,
      pullQuote,
      rule,
      table,
      figure,
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((content): TiptapNode => ({ type: 'doc', content: withOneLeadAtMost(content) }))

/** An article has one lead picture at most: the first figure flagged keeps the flag. */
function withOneLeadAtMost(blocks: TiptapNode[]): TiptapNode[] {
  let leadSeen = false
  return blocks.map((block) => {
    if (block.type !== 'figure' || !block.attrs?.lead) return block
    const keeps = !leadSeen
    leadSeen = true
    return keeps ? block : { ...block, attrs: { ...block.attrs, lead: false } }
  })
}

const name = fc
  .tuple(
    fc.constantFrom('Ana', 'Søren', 'María José', 'Wei', 'Siobhán'),
    fc.constantFrom('Lee', 'Ødegård', 'García-López', 'Zhang', "O'Neill"),
  )
  .map(([first, last]) => `${first} ${last}`)
const bylineEntry = fc
  .tuple(
    name,
    fc.option(fc.constantFrom('Political editor', 'Additional reporting'), { nil: undefined }),
  )
  .map(([entryName, role]): BylineEntry => (role ? { name: entryName, role } : { name: entryName }))

/** The fields a person fills in, as `createArticle` takes them. */
/**
 * Two different words at least: plain text cannot tell a one-word capitalised headline ("R&D")
 * from the section label copied pages put above it, and no headline is one word.
 */
const headline = fc
  .uniqueArray(word, { minLength: 2, maxLength: 10 })
  .map((words) => words.join(' '))

export const articleFields = fc.record({
  headline,
  standfirst: plainText,
  byline: fc.uniqueArray(bylineEntry, {
    minLength: 1,
    maxLength: 3,
    selector: (entry) => entry.name,
  }),
  dateline: fc.constantFrom('', 'WELLINGTON', 'SÃO PAULO'),
  keywords: fc.uniqueArray(fc.constantFrom('transport', 'council', 'climate', 'élection'), {
    maxLength: 3,
  }),
  body: articleBody,
})

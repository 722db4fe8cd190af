import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodyExtensions } from './extensions'
import { validateBody } from './validate-body'

const schema = getSchema(articleBodyExtensions())

/** What ProseMirror itself says of the whole document. */
function proseMirrorSays(body: TiptapNode): string | undefined {
  try {
    schema.nodeFromJSON(body).check()
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

const paragraph = (text: string): TiptapNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})
const story = (blocks: TiptapNode[]): TiptapNode => ({ type: 'doc', content: blocks })
const valid = [
  paragraph('The council met on Tuesday.'),
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The vote' }] },
  paragraph('It voted to close the bridge.'),
]

describe('an article body', () => {
  it('is valid again, block for block, when it is sent again with one block changed', () => {
    expect(validateBody(story(valid))).toBeUndefined()
    expect(validateBody(story([...valid, paragraph('A new paragraph.')]))).toBeUndefined()
    expect(validateBody(story([valid[2] as TiptapNode, ...valid]))).toBeUndefined()
  })

  it.each<[string, TiptapNode[]]>([
    ['an unknown block', [...valid, { type: 'marquee' }]],
    ['a paragraph in a paragraph', [...valid, { type: 'paragraph', content: [paragraph('x')] }]],
    ['text straight in the document', [...valid, { type: 'text', text: 'loose' }]],
    ['a list item outside a list', [...valid, { type: 'listItem', content: [paragraph('x')] }]],
    [
      'a mark the body does not have',
      [...valid, { ...paragraph('x'), marks: [{ type: 'blink' }] }],
    ],
    [
      'a block with a mark only text may have',
      [...valid, { ...paragraph('x'), marks: [{ type: 'bold' }] }],
    ],
    ['no blocks at all', []],
  ])('with %s is refused with ProseMirror’s own reason, blocks seen before or not', (_, blocks) => {
    validateBody(story(valid))
    const body = story(blocks)
    const reason = proseMirrorSays(body)
    expect(reason).toBeDefined()
    expect(validateBody(body)).toBe(reason)
    expect(validateBody(body)).toBe(reason)
  })

  it('refuses a figure whose picture is not in its assets folder, seen before or not', () => {
    const figure = (src: string): TiptapNode => ({
      type: 'figure',
      attrs: { src, alt: 'Bridge', caption: '', credit: '' },
    })
    expect(validateBody(story([...valid, figure('assets/bridge.jpg')]))).toBeUndefined()
    expect(validateBody(story([...valid, figure('https://example.org/bridge.jpg')]))).toBe(
      `figure src "https://example.org/bridge.jpg" is not a file in the article's assets/ folder`,
    )
  })

  it('judges a document with marks or attributes of its own as ProseMirror does', () => {
    for (const body of [
      { ...story(valid), marks: [{ type: 'bold' }] },
      { ...story(valid), attrs: { lang: 'en' } },
    ])
      expect(validateBody(body)).toBe(proseMirrorSays(body))
  })
})

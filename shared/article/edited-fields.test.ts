import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ValidBlockMemory } from '../editor/validate-body'
import { createArticle } from './create'
import { bodyJsonSchema } from './edited-fields'
import { ArticleBodySchema } from './schema'
import { serializeArticle } from './serialize'
import { TiptapNodeSchema, type TiptapNode } from './tiptap-json'

/** A body sent as JSON text, as saves and crash journals send it, to one owner of a save path. */
const sentTo = (memory: ValidBlockMemory) =>
  z.object({ fields: z.object({ body: bodyJsonSchema(memory) }) })
const Sent = sentTo(new ValidBlockMemory())
/** The same text parsed, then checked whole. */
const CheckedWhole = z
  .object({
    fields: z.object({ body: z.string().transform((text): unknown => JSON.parse(text)) }),
  })
  .pipe(z.object({ fields: z.object({ body: ArticleBodySchema }) }))

const ID = '5b2c1f8e-3d4a-4e6b-9c7d-1a2b3c4d5e6f'
const NOW = new Date('2026-03-01T09:00:00Z')

const paragraph = (text: string): TiptapNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})
const story = (blocks: unknown[]) => ({ type: 'doc', content: blocks })
const blocks = Array.from({ length: 40 }, (_, index) =>
  paragraph(`Paragraph ${index} of the story.`),
)
const sent = (body: unknown) => ({ fields: { body: JSON.stringify(body) } })

const bothSay = (body: unknown) => {
  const fast = Sent.safeParse(sent(body))
  const whole = CheckedWhole.safeParse(sent(body))
  return { fast: JSON.stringify(fast), whole: JSON.stringify(whole) }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a body sent as JSON text', () => {
  it('checks again only the blocks that changed since it was last sent', () => {
    const check = vi.spyOn(TiptapNodeSchema, 'safeParse')
    expect(Sent.safeParse(sent(story(blocks))).success).toBe(true)
    check.mockClear()
    const edited = [...blocks]
    edited[20] = paragraph('Paragraph 20, edited.')
    const result = Sent.safeParse(sent(story(edited)))
    expect(result.data?.fields.body).toEqual(story(edited))
    expect(check).toHaveBeenCalledTimes(1)
  })

  it('is not checked again when the save writes the body its request carried', () => {
    const memory = new ValidBlockMemory()
    const parsed = sentTo(memory).parse(sent(story(blocks)))
    const asked = vi.spyOn(memory, 'has')
    const written = serializeArticle(
      createArticle({ headline: 'A', body: parsed.fields.body }, ID, NOW),
      memory,
    )
    expect(asked).not.toHaveBeenCalled()
    expect(JSON.parse(written).body).toEqual(story(blocks))
    // The same blocks in another object are looked up block by block, as any body is.
    serializeArticle(
      createArticle({ headline: 'A', body: { type: 'doc', content: blocks } }, ID, NOW),
      memory,
    )
    expect(asked).toHaveBeenCalledTimes(blocks.length)
  })

  it('remembers in its own memory only: another owner checks every block', () => {
    expect(Sent.safeParse(sent(story(blocks))).success).toBe(true)
    const check = vi.spyOn(TiptapNodeSchema, 'safeParse')
    expect(sentTo(new ValidBlockMemory()).safeParse(sent(story(blocks))).success).toBe(true)
    expect(check).toHaveBeenCalledTimes(blocks.length)
  })

  it('comes out as the whole check gives it, unknown keys dropped, blocks seen before or not', () => {
    const { fast, whole } = bothSay(story(blocks))
    expect(fast).toBe(whole)
    const withStrayKeys = story([{ ...blocks[0], stray: 1 }, ...blocks.slice(1)])
    const again = bothSay(withStrayKeys)
    expect(again.fast).toBe(again.whole)
    expect(again.fast).not.toContain('stray')
    // Not a shape the block-by-block check vouches for: judged whole, as before.
    const withAttributes = bothSay({ ...story(blocks), attrs: { lang: 'en' } })
    expect(withAttributes.fast).toBe(withAttributes.whole)
  })

  it.each<[string, unknown]>([
    [
      'text that is not a string',
      story([...blocks, { type: 'paragraph', content: [{ type: 'text', text: 5 }] }]),
    ],
    ['a block without a type', story([...blocks, { content: [] }])],
    ['an unknown block', story([...blocks, { type: 'marquee' }])],
    [
      'blocks in an order the document does not allow',
      story([...blocks, { type: 'listItem', content: [paragraph('x')] }]),
    ],
    [
      'a figure from outside its assets folder',
      story([...blocks, { type: 'figure', attrs: { src: '../secret.jpg' } }]),
    ],
    ['a document of another type', { type: 'paragraph', content: blocks }],
    ['no blocks', story([])],
    [
      'nesting far deeper than any article',
      story([
        JSON.parse(
          `${'{"type":"blockquote","content":['.repeat(200)}{"type":"paragraph"}${']}'.repeat(200)}`,
        ),
      ]),
    ],
    ['not a document at all', 'The council met on Tuesday.'],
  ])('with %s is refused exactly as the whole check refuses it', (_, body) => {
    Sent.safeParse(sent(story(blocks)))
    const { fast, whole } = bothSay(body)
    expect(JSON.parse(fast).success).toBe(false)
    expect(fast).toBe(whole)
  })
})

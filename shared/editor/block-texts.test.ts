import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { topLevelBlockTexts } from './block-texts'
import { ValidBlockMemory, validBodyByBlocks } from './validate-body'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('topLevelBlockTexts', () => {
  it('gives each block’s text as the body’s text holds it, whatever the blocks hold', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 12 }), (blocks) => {
        const text = JSON.stringify({ type: 'doc', content: blocks })
        expect(topLevelBlockTexts(text)).toEqual(blocks.map((block) => JSON.stringify(block)))
      }),
    )
  })

  it('reads brackets, commas, quotes and backslashes inside text as text', () => {
    const blocks = [paragraph('a "quoted", [bracketed] {braced} \\ line\\'), paragraph('\\"')]
    const text = JSON.stringify({ type: 'doc', content: blocks })
    expect(topLevelBlockTexts(text)).toEqual(blocks.map((block) => JSON.stringify(block)))
  })

  it.each([
    ['a document with members after its content', '{"type":"doc","content":[{"a":1}],"b":[2]}'],
    ['members in another order', '{"content":[{"a":1}],"type":"doc"}'],
    ['not a document', '["doc"]'],
  ])('gives nothing for %s', (_, text) => {
    expect(topLevelBlockTexts(text)).toBeUndefined()
  })

  it('keeps the spaces between blocks with them: their texts then match no serialized block', () => {
    expect(topLevelBlockTexts('{"type":"doc","content":[{"a":1}, {"b":2}]}')).toEqual([
      '{"a":1}',
      ' {"b":2}',
    ])
  })
})

describe('a body sent as text, checked against the memory of valid blocks', () => {
  const body = {
    type: 'doc',
    content: Array.from({ length: 30 }, (_, index) => paragraph(`${index}.`)),
  }
  const text = JSON.stringify(body)

  it('looks its blocks up by the text they came in, serializing none of them again', () => {
    const memory = new ValidBlockMemory()
    expect(validBodyByBlocks(JSON.parse(text), memory)).toEqual(body)
    const sent: unknown = JSON.parse(text)
    memory.sentAs(sent, text)
    const serialized = vi.spyOn(JSON, 'stringify')
    expect(validBodyByBlocks(sent, memory)).toEqual(body)
    expect(serialized).not.toHaveBeenCalled()
  })

  it('still checks a block whose text it has not seen, and refuses a bad one', () => {
    const memory = new ValidBlockMemory()
    validBodyByBlocks(JSON.parse(text), memory)
    const bad = JSON.stringify({ ...body, content: [...body.content, { type: 'marquee' }] })
    const sent: unknown = JSON.parse(bad)
    memory.sentAs(sent, bad)
    expect(validBodyByBlocks(sent, memory)).toBeUndefined()
  })
})

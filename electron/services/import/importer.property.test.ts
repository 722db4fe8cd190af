import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArticleSchema } from '../../../shared/article/schema'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'

/** Fixed seed and bounded runs: the same files in every CI run. */
const SEED = 20261129
const RUNS = 100

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices

beforeAll(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
})
afterAll(async () => {
  await services.importer.close()
  await temp.remove()
})

const text = fc.string({ unit: 'grapheme', maxLength: 200 })
const tag = fc.constantFrom(
  'p',
  'h1',
  'h2',
  'blockquote',
  'ul',
  'li',
  'a',
  'img',
  'figure',
  'div',
  'script',
  'table',
  'em',
)
/** Markup-shaped text: random tags, attributes and text, closed or not. */
const markup = fc
  .array(
    fc.oneof(
      text,
      fc
        .tuple(tag, text, text)
        .map(([name, attribute, inner]) => `<${name} title="${attribute}">${inner}</${name}>`),
      tag.map((name) => `<${name}>`),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''))

/** For each format: files of its own shape with random content, and plain random bytes. */
const FILES: Record<string, fc.Arbitrary<string | Uint8Array>> = {
  'page.html': fc.oneof(
    markup.map((body) => `<html><head><title>T</title></head><body>${body}</body></html>`),
    fc.uint8Array(),
  ),
  'story.md': fc.oneof(
    fc
      .array(
        fc.oneof(
          text,
          fc.constantFrom('# ', '> ', '- ', '1. ', '![a](', '](', '---\n', '`', '*', '_', '\n\n'),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join('')),
    fc.uint8Array(),
  ),
  'copy.txt': fc.oneof(text, fc.uint8Array()),
  'item.json': fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          uri: text,
          type: fc.constantFrom('text', 'picture', 'x'),
          headline: text,
          body_html: markup,
        },
        { requiredKeys: [] },
      )
      .map((item) => JSON.stringify(item)),
    fc.uint8Array(),
  ),
  'wire.xml': fc.oneof(
    fc
      .tuple(text, markup)
      .map(
        ([headline, body]) =>
          `<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content>${body}</body.content></body></nitf>`,
      ),
    fc.uint8Array(),
  ),
  'letter.docx': fc.uint8Array({ maxLength: 2_000 }),
  'package.zip': fc.uint8Array({ maxLength: 2_000 }),
}

describe('every importer, on generated files', () => {
  it.each(Object.keys(FILES))(
    '%s: a valid article or a typed refusal, never a throw',
    async (fileName) => {
      await fc.assert(
        fc.asyncProperty(FILES[fileName] as fc.Arbitrary<string | Uint8Array>, async (content) => {
          const bytes = typeof content === 'string' ? Buffer.from(content) : content
          const result = await services.importer.importBytes(fileName, bytes)
          if (result.ok) expect(ArticleSchema.safeParse(result.value.article).success).toBe(true)
          else expect(result.error.kind).toBe('invalid-file')
        }),
        { seed: SEED, numRuns: RUNS },
      )
    },
    60_000,
  )
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createArticle, type TiptapNode } from '../../../shared/article'
import { articleFields } from '../../../shared/article/test-article-arbitrary'
import { exportArticle, type ExportContext } from '../../../shared/export'
import { parseNitf } from '../../../shared/import/nitf'
import {
  NITF_SCHEMA_ABSENT_REASON,
  NITF_SCHEMA_PRESENT,
  nitfSchemaErrors,
} from '../testing/test-nitf-schema'

const ID = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
const NOW = new Date('2026-12-05T10:00:00.000Z')
const SEED = 20261205

/** The package's context: each figure's picture shipped beside the NITF file. */
const PACKAGE: ExportContext = {
  language: 'en',
  renditions: {
    'assets/3f2a9c1e.jpg': [
      {
        name: 'original',
        path: 'images/3f2a9c1e.jpg',
        mimeType: 'image/jpeg',
        width: 1200,
        height: 800,
        sizeInBytes: 1000,
      },
    ],
    'assets/b71d04aa.png': [
      {
        name: 'original',
        path: 'images/b71d04aa.png',
        mimeType: 'image/png',
        width: 640,
        height: 480,
        sizeInBytes: 1000,
      },
    ],
  },
}

const text = (value: string, marks?: TiptapNode['marks']): TiptapNode => ({
  type: 'text',
  text: value,
  ...(marks && { marks }),
})
const paragraph = (...content: TiptapNode[]): TiptapNode => ({ type: 'paragraph', content })
const item = (...content: TiptapNode[]): TiptapNode => ({ type: 'listItem', content })

/** Every kind of block NITF has to place, nested where copy nests them. */
const story = createArticle(
  {
    headline: 'Harbour bridge to close',
    standfirst: 'Ferries every 20 minutes.',
    byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe', role: 'Additional reporting' }],
    dateline: 'WELLINGTON',
    keywords: ['transport'],
    body: {
      type: 'doc',
      content: [
        paragraph(
          text('The council said '),
          text('Tuesday', [{ type: 'bold' }]),
          text(', not Monday.'),
        ),
        { type: 'heading', attrs: { level: 3 }, content: [text('Routes')] },
        {
          type: 'bulletList',
          content: [
            item(paragraph(text('Ferries')), {
              type: 'orderedList',
              content: [item(paragraph(text('Every 20 minutes')))],
            }),
            item(paragraph(text('Buses'))),
          ],
        },
        { type: 'pullQuote', content: [text('We had no choice')] },
        { type: 'horizontalRule' },
        {
          type: 'figure',
          attrs: {
            src: 'assets/3f2a9c1e.jpg',
            alt: 'The bridge',
            credit: 'Jo Smith/Herald',
            lead: true,
          },
          content: [text('The bridge at dusk.')],
        },
      ],
    },
  },
  ID,
  NOW,
)

const nitfOf = (fields: Parameters<typeof createArticle>[0], context?: ExportContext) => {
  const result = exportArticle(createArticle(fields, ID, NOW), 'nitf', context)
  if (!result.ok) throw new Error(result.error.message)
  return result.value.content as string
}

describe.skipIf(!NITF_SCHEMA_PRESENT)(`NITF export against IPTC's NITF 3.6 schema`, () => {
  it('is valid for a story with every kind of block, single file and in a package', async () => {
    const documents = [nitfOf(story), nitfOf(story, PACKAGE)]
    expect(await nitfSchemaErrors(documents)).toEqual([[], []])
  })

  it('is valid for 150 generated stories', async () => {
    const documents = fc
      .sample(articleFields, { seed: SEED, numRuns: 150 })
      .map((fields, index) => nitfOf(fields, index % 2 ? PACKAGE : undefined))
    const errors = await nitfSchemaErrors(documents)
    expect(errors.filter((list) => list.length)).toEqual([])
  }, 60_000)
})
if (!NITF_SCHEMA_PRESENT) it.skip(NITF_SCHEMA_ABSENT_REASON, () => undefined)

describe('NITF export', () => {
  const xml = nitfOf(story)

  it('adds no space inside text: what is between two tags is the story’s own', () => {
    expect(xml).toContain('<p>The council said <em class="bold">Tuesday</em>, not Monday.</p>')
  })

  it('nests lists in list items, and marks the level-3 subheading, the pull quote and the lead picture', () => {
    expect(xml).toContain('<li><p>Ferries</p><ol>\n<li><p>Every 20 minutes</p></li>\n</ol></li>')
    expect(xml).toContain('<hl2 class="h3">Routes</hl2>')
    expect(xml).toContain('<bq class="pullquote">')
    expect(xml).toContain('<media media-type="image" class="lead">')
  })

  it('gives each person a byline of their own, the role as their title', () => {
    expect(xml).toContain('<byline>By <person>Ana Lee</person></byline>')
    expect(xml).toContain(
      '<byline>and <person>Sam Roe</person>, <byttl>Additional reporting</byttl></byline>',
    )
  })

  it('reads back as it was written', () => {
    const parsed = parseNitf(xml)
    expect(parsed.byline).toEqual(story.byline)
    expect(parsed.bodyHtml).toContain('<h3>Routes</h3>')
    expect(parsed.bodyHtml).toContain(
      '<li><p>Ferries</p><ol><li><p>Every 20 minutes</p></li></ol></li>',
    )
    expect(parsed.bodyHtml).toContain('<aside class="pull-quote"><p>We had no choice</p></aside>')
    expect(parsed.pictures[0]).toMatchObject({
      caption: 'The bridge at dusk.',
      credit: 'Jo Smith/Herald',
      alt: 'The bridge',
      lead: true,
    })
  })
})

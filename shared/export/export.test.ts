import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { countText, createArticle, type TiptapNode } from '../article'
import { articleBodyExtensions } from '../editor/extensions'
import {
  TEXT_FORMATS,
  exportArticle,
  renderArticleHtml,
  renderArticleMarkdown,
  renderArticleText,
  renderTextFormat,
  wrap,
} from '.'
import { exported } from './test-support'

const ID = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
const NOW = new Date('2026-11-28T10:00:00.000Z')
const text = (value: string, marks?: TiptapNode['marks']): TiptapNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
})
const paragraph = (...content: TiptapNode[]): TiptapNode => ({ type: 'paragraph', content })

const body: TiptapNode = {
  type: 'doc',
  content: [
    paragraph(text('The council met on '), text('Tuesday', [{ type: 'bold' }]), text('.')),
    { type: 'heading', attrs: { level: 2 }, content: [text('What was decided')] },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph(text('Rates up 4%'))] }],
    },
    { type: 'blockquote', content: [paragraph(text('We had no choice,'), text(' she said.'))] },
    {
      type: 'figure',
      attrs: {
        src: 'assets/abc123.jpg',
        alt: 'Councillors at the table',
        credit: 'Jo Smith/Herald',
      },
      content: [text('The vote was '), text('close', [{ type: 'italic' }])],
    },
  ],
}

const article = createArticle(
  {
    headline: 'Council lifts rates',
    standfirst: 'Households face a 4% rise.',
    byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe', role: 'Additional reporting' }],
    dateline: 'NAPIER',
    body,
  },
  ID,
  NOW,
)

const hostile = createArticle(
  {
    headline: '<script>alert("h")</script>',
    standfirst: '<img src=x onerror=alert(1)>',
    byline: [{ name: '"><svg onload=alert(1)>' }],
    body: {
      type: 'doc',
      content: [
        paragraph(text('<iframe src="javascript:alert(1)"></iframe> # not a heading')),
        paragraph(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
      ],
    },
  },
  ID,
  NOW,
)

describe('HTML export', () => {
  const html = renderArticleHtml(article)

  it('is a standalone semantic page', () => {
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<h1>Council lifts rates</h1>')
    expect(html).toContain('<p class="standfirst">Households face a 4% rise.</p>')
    expect(html).toContain(
      '<p class="byline">By <span class="author"><span class="name">Ana Lee</span></span> and <span class="author"><span class="name">Sam Roe</span> (<span class="role">Additional reporting</span>)</span></p>',
    )
    expect(html).toContain('<h2>What was decided</h2>')
    expect(html).toContain('<blockquote>')
    // A single page carries no picture files: the figure keeps its caption and credit, and its
    // alt text for Copydesk to read back.
    expect(html).toContain('<figure data-alt="Councillors at the table"><figcaption>')
    expect(html).not.toContain('<img')
    expect(html).toMatch(
      /<figcaption><span class="caption">The vote was <em>close<\/em><\/span><span class="credit">Jo Smith\/Herald<\/span><\/figcaption>/,
    )
  })

  it('leaves nothing executable from hostile text', () => {
    const out = renderArticleHtml(hostile)
    expect(out).not.toMatch(/<(script|svg|iframe)|<img src=x|href="javascript:/i)
    expect(out).toContain('&lt;script&gt;')
    expect(out).toContain('&lt;iframe src="javascript:alert(1)"&gt;')
    expect(out).toContain("default-src 'none'")
  })
})

describe('Markdown export', () => {
  const md = renderArticleMarkdown(article)

  it('has front matter, headline, standfirst, byline and body', () => {
    expect(md).toMatch(
      /^---\nheadline: "Council lifts rates"\nstandfirst: "Households face a 4% rise."\nslug: "council-lifts-rates"\nstatus: "draft"\n/,
    )
    expect(md).toContain('# Council lifts rates')
    expect(md).toContain('**Households face a 4% rise.**')
    expect(md).toContain('The council met on **Tuesday**.')
    expect(md).toContain('## What was decided')
    expect(md).toContain('- Rates up 4%')
    expect(md).toContain('> We had no choice, she said.')
    // A figure is an HTML block: Markdown has no credit; without its picture, no image.
    expect(md).not.toContain('<img')
    expect(md).toContain(
      '\n\n<figure data-alt="Councillors at the table"><figcaption><span class="caption">The vote was <em>close</em></span><span class="credit">Jo Smith/Herald</span></figcaption></figure>',
    )
  })

  it('escapes raw HTML and Markdown syntax, and drops unsafe links', () => {
    const out = renderArticleMarkdown(hostile)
    expect(out).not.toMatch(/(?<!\\)<(script|iframe|img|svg)|\]\(<?javascript:/i)
    expect(out).toContain('\\<iframe')
    expect(out).toContain('\\# not a heading')
    expect(out).toContain('\nclick\n')
  })
})

describe('plain text export', () => {
  it('reads like wire copy, wrapped at 72', () => {
    const txt = renderArticleText(article)
    expect(txt.split('\n\n').slice(0, 4)).toEqual([
      'Council lifts rates',
      'Households face a 4% rise.',
      'By Ana Lee and Sam Roe (Additional reporting)',
      'NAPIER',
    ])
    expect(txt).toContain('- Rates up 4%')
    expect(txt).toContain('> We had no choice, she said.')
    expect(txt).toContain('[Picture: The vote was close Credit: Jo Smith/Herald]')
    for (const line of txt.split('\n')) expect(line.length).toBeLessThanOrEqual(72)
  })

  it('wraps long paragraphs without breaking words', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const lines = wrap(words).split('\n')
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join(' ')).toBe(words)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(72)
  })
})

describe('Markdown emphasis', () => {
  it('keeps the spaces at the edges of a marked run outside its markers', () => {
    const spaced = createArticle(
      {
        headline: 'Rates',
        body: {
          type: 'doc',
          content: [
            paragraph(
              text('Rates'),
              text(' rose sharply ', [{ type: 'bold' }, { type: 'italic' }]),
              text('on'),
              text(' Tuesday', [{ type: 'strike' }]),
            ),
          ],
        },
      },
      ID,
      NOW,
    )
    expect(renderArticleMarkdown(spaced)).toContain('Rates ***rose sharply*** on ~~Tuesday~~')
  })
})

describe('exportArticle', () => {
  it('names the file after the slug', () => {
    expect(exported(article, 'md')).toMatchObject({
      fileName: 'council-lifts-rates.md',
      mimeType: expect.stringMatching(/markdown/),
    })
    expect(exported(article, 'txt').fileName).toBe('council-lifts-rates.txt')
  })
})

describe('comments never leave the newsroom', () => {
  const commented = createArticle(
    {
      headline: 'Budget',
      body: {
        type: 'doc',
        content: [
          paragraph(
            text('The minister '),
            text('denied', [
              { type: 'comment', attrs: { threadId: 'c1f0a7e2-1111-4222-8333-444455556666' } },
            ]),
            text(' the leak.'),
          ),
        ],
      },
      comments: [
        {
          id: 'c1f0a7e2-1111-4222-8333-444455556666',
          author: 'Desk',
          createdAt: '2026-11-29T03:00:00.000Z',
          text: 'SECRET-DESK-NOTE check with the lawyers',
          resolved: false,
          replies: [
            {
              id: 'd2f0a7e2-1111-4222-8333-444455556666',
              author: 'Ana',
              createdAt: '2026-11-29T03:05:00.000Z',
              text: 'SECRET-REPLY',
            },
          ],
        },
      ],
    },
    ID,
    NOW,
  )

  it.each(['html', 'md', 'txt'] as const)(
    '%s keeps the text and drops the comment and its anchor',
    (format) => {
      const { content } = exported(commented, format)
      expect(content).toContain('The minister denied the leak.')
      expect(content).not.toMatch(/SECRET|lawyers|data-comment|comment-anchor|c1f0a7e2/)
    },
  )
})

describe('suggestions block every export until the desk resolves them', () => {
  const suggestion = { type: 'insertion' as const, attrs: { id: 's1' } }
  const cases: [string, Parameters<typeof createArticle>[0]][] = [
    [
      'body',
      { body: { type: 'doc', content: [paragraph(text('Rates '), text('rise', [suggestion]))] } },
    ],
    [
      'headline',
      {
        headline: 'Rates',
        tracked: { headline: [{ type: 'text', text: ' rise', marks: [suggestion] }] },
      },
    ],
    ['byline', { byline: [{ name: 'Jo', suggestion: { id: 's1', kind: 'insert' } }] }],
  ]

  it.each(cases)(
    'a suggestion in the %s stops html, md and txt with the reason',
    (_where, input) => {
      const article = createArticle({ headline: 'Rates', ...input }, ID, NOW)
      for (const format of ['html', 'md', 'txt'] as const) {
        const result = exportArticle(article, format)
        expect(result.ok).toBe(false)
        if (!result.ok)
          expect(result.error.message).toMatch(/1 suggestion waiting: accept or reject it/)
      }
    },
  )
})

/** A story with a picture, a link, a hard break, a rule, a list and a table: every kind of text. */
const varied = (content: TiptapNode[]) =>
  createArticle(
    {
      headline: 'Harbour bridge to close',
      standfirst: 'Ferries instead.',
      byline: [{ name: 'Ana Lee' }],
      dateline: 'WELLINGTON',
      body: { type: 'doc', content },
    },
    ID,
    NOW,
  )
const variedBody: TiptapNode[] = [
  paragraph(
    text('The bridge '),
    text('closes', [{ type: 'bold' }]),
    text(' in May.'),
    { type: 'hardBreak' },
    text('Details', [{ type: 'link', attrs: { href: 'https://example.com/notice' } }]),
    text('.'),
  ),
  {
    type: 'figure',
    attrs: { src: 'assets/abc123.jpg', alt: 'The bridge at dusk', credit: 'Jo Smith/Herald' },
    content: [text('The bridge carries 30,000 cars a day.')],
  },
  { type: 'horizontalRule' },
  {
    type: 'bulletList',
    content: [{ type: 'listItem', content: [paragraph(text('Ferries every 20 minutes'))] }],
  },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          { type: 'tableHeader', content: [paragraph(text('Route'))] },
          { type: 'tableHeader', content: [paragraph(text('Every'))] },
        ],
      },
      {
        type: 'tableRow',
        content: [
          { type: 'tableCell', content: [paragraph(text('Ferry'))] },
          { type: 'tableCell', content: [paragraph(text('20 min'))] },
        ],
      },
    ],
  },
]

describe('a single file says where its pictures are', () => {
  it.each(TEXT_FORMATS)(
    '%s refers to no picture file it does not carry, keeps caption and credit, and says so',
    (format) => {
      const file = exported(article, format)
      expect(file.content).not.toContain('assets/')
      expect(file.content).not.toMatch(/<img|!\[|media-reference[^>]*source=/)
      expect(file.content).toMatch(/The vote was/)
      expect(file.content).toContain('Jo Smith/Herald')
      expect(file.notes).toEqual([
        'This file has no pictures (the story has 1): export the package to get them.',
      ])
    },
  )

  it('keeps the alt text where the format has a place for it', () => {
    expect(exported(article, 'nitf').content).toContain('alternate-text="Councillors at the table"')
    expect(
      JSON.parse(exported(article, 'ninjs').content).associations[0].descriptions,
    ).toContainEqual({ role: 'alt-text', value: 'Councillors at the table' })
  })

  it('a story without pictures has no note', () => {
    expect(exported(hostile, 'html').notes).toBeUndefined()
  })
})

describe('empty paragraphs at the start and end of the body', () => {
  const empties: TiptapNode[] = [
    { type: 'paragraph' },
    paragraph(text('  ')),
    paragraph({ type: 'hardBreak' }),
  ]

  it.each(TEXT_FORMATS)('are not exported as %s', (format) => {
    const padded = varied([...empties, ...variedBody, ...empties])
    expect(renderTextFormat(padded, format)).toBe(renderTextFormat(varied(variedBody), format))
  })

  it('between paragraphs are left to each format', () => {
    const spaced = varied([paragraph(text('One.')), { type: 'paragraph' }, paragraph(text('Two.'))])
    expect(renderTextFormat(spaced, 'html-fragment')).toBe('<p>One.</p><p></p><p>Two.</p>\n')
  })
})

describe('links in wire text', () => {
  const link = (value: string, href: string, marks: TiptapNode['marks'] = []) =>
    text(value, [...marks, { type: 'link', attrs: { href } }])
  const wire = (...content: TiptapNode[]) =>
    renderArticleText(varied([paragraph(...content)]))
      .split('\n\n')
      .at(-1)

  it('keep the address after the link text', () => {
    expect(wire(text('Read the '), link('notice', 'https://example.com/notice'), text('.'))).toBe(
      'Read the notice (https://example.com/notice).\n',
    )
  })

  it('name the address once for a link whose text is styled in parts', () => {
    expect(
      wire(
        link('the ', 'https://example.com/n'),
        link('full', 'https://example.com/n', [{ type: 'bold' }]),
        link(' notice', 'https://example.com/n'),
        link('map', 'https://example.com/map'),
      ),
    ).toBe('the full notice (https://example.com/n)map (https://example.com/map)\n')
  })

  it('do not repeat an address that is already the text', () => {
    expect(
      wire(
        link('https://example.com/notice', 'https://example.com/notice'),
        text(' or '),
        link('example.com', 'http://example.com'),
        text(' or '),
        link('desk@example.com', 'mailto:desk@example.com'),
      ),
    ).toBe('https://example.com/notice or example.com or desk@example.com\n')
  })

  it('leave out addresses that are not safe to follow', () => {
    expect(wire(link('click', 'javascript:alert(1)'))).toBe('click\n')
  })
})

describe('ninjs counts', () => {
  /** The Counts panel's own sum (renderer/src/editor/BodyEditor.tsx), on the editor's document. */
  const countsPanel = (body: TiptapNode) => {
    const doc = getSchema(articleBodyExtensions()).nodeFromJSON(body)
    return countText(doc.textBetween(0, doc.content.size, '\n', ' '))
  }

  it.each(['ninjs', 'ninjs3'] as const)('%s counts the body as the Counts panel does', (format) => {
    const story = varied(variedBody)
    const [body] = JSON.parse(renderTextFormat(story, format)).bodies
    const panel = countsPanel(story.body)
    // Captions are part of the body a reader reads, and of the panel's count.
    expect(panel.words).toBe(22)
    expect([body.wordcount ?? body.wordCount, body.charcount ?? body.charCount]).toEqual([
      panel.words,
      panel.characters,
    ])
  })
})

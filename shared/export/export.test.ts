import { describe, expect, it } from 'vitest'
import { createArticle, type TiptapNode } from '../article'
import { exportArticle, renderArticleHtml, renderArticleMarkdown, renderArticleText, wrap } from '.'
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
    expect(html).toContain('<p class="byline">By Ana Lee and Sam Roe (Additional reporting)</p>')
    expect(html).toContain('<h2>What was decided</h2>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('<img src="assets/abc123.jpg" alt="Councillors at the table"/>')
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
    expect(md).toMatch(/^---\nslug: "council-lifts-rates"\nstatus: "draft"\n/)
    expect(md).toContain('# Council lifts rates')
    expect(md).toContain('**Households face a 4% rise.**')
    expect(md).toContain('The council met on **Tuesday**.')
    expect(md).toContain('## What was decided')
    expect(md).toContain('- Rates up 4%')
    expect(md).toContain('> We had no choice, she said.')
    expect(md).toContain('![Councillors at the table](<assets/abc123.jpg>)')
    expect(md).toContain('*The vote was *close** — Jo Smith/Herald')
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

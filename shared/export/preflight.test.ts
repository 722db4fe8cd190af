import { describe, expect, it } from 'vitest'
import { createArticle, type Article, type NewArticleInput, type TiptapNode } from '../article'
import { compileRules } from '../style/check'
import { preflight, type PreflightInput } from './preflight'
import { DEFAULT_EXPORT_CONTEXT } from './renditions'

const ID = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
const NOW = new Date('2026-11-29T10:00:00.000Z')

const figure = (attrs: Record<string, unknown>, caption = 'Workers at dawn.'): TiptapNode => ({
  type: 'figure',
  attrs: { src: 'assets/abc.jpg', alt: 'Two workers', credit: 'Jo Smith', lead: true, ...attrs },
  content: caption ? [{ type: 'text', text: caption }] : [],
})
const body = (...content: TiptapNode[]): TiptapNode => ({ type: 'doc', content })
const paragraph = (text: string): TiptapNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})

/** A story that passes: every problem below is one change away from it. */
const ready = (overrides: NewArticleInput = {}): Article =>
  createArticle(
    {
      headline: 'Bridge closes',
      byline: [{ name: 'Ana Lee' }],
      body: body(paragraph('The bridge closed.'), figure({})),
      ...overrides,
    },
    ID,
    NOW,
  )

const input: PreflightInput = {
  missingImages: new Set(),
  headlineLimit: 70,
  standfirstLimit: 200,
  styleRules: compileRules([
    {
      id: 'utilise',
      category: 'Banned and loaded words',
      words: ['utilise'],
      replacement: 'use',
      explanation: 'Say use.',
    },
  ]),
  context: DEFAULT_EXPORT_CONTEXT,
  quotesMustBeChecked: false,
}

const codes = (article: Article, extra: Partial<PreflightInput> = {}) =>
  preflight(article, { ...input, ...extra }).items.map(
    ({ code, severity }) => `${severity}:${code}`,
  )

describe('preflight of the quotes', () => {
  const SOURCE_ID = '5a0e3f1c-1111-4222-8333-444455556666'
  const quoted = (quotes: Article['quotes']) =>
    ready({
      body: body(
        paragraph('“We will reopen the bridge by March,” the mayor said.'),
        paragraph('“Ferries run until then,” she added.'),
        figure({}),
      ),
      sources: [
        {
          id: SOURCE_ID,
          name: 'Eva Lind',
          role: 'mayor',
          reached: 'phone',
          contact: '',
          notes: '',
          createdAt: NOW.toISOString(),
        },
      ],
      quotes,
    })
  const entry = (quote: string, checked: boolean) => ({
    id: crypto.randomUUID(),
    quote,
    sourceId: SOURCE_ID,
    saidAt: '',
    ...(checked && { checked: { by: 'Sam Roe', at: NOW.toISOString() } }),
    createdAt: NOW.toISOString(),
  })

  it('warns of quotes not checked and of quotes with no source, naming them', () => {
    const report = preflight(quoted([entry('We will reopen the bridge by March,', true)]), input)
    expect(report.items).toEqual([
      expect.objectContaining({
        code: 'quotes-unchecked',
        severity: 'warning',
        message: '1 quote is not checked: “Ferries run until then,”.',
        target: { field: 'Sources' },
      }),
      expect.objectContaining({
        code: 'quotes-unattributed',
        message: '1 quote has no source: “Ferries run until then,”.',
      }),
    ])
  })

  it('stops the export where the newsroom says every quote must be checked', () => {
    const article = quoted([entry('We will reopen the bridge by March,', false)])
    expect(codes(article, { quotesMustBeChecked: true })).toContain('blocking:quotes-unchecked')
    const checked = quoted([
      entry('We will reopen the bridge by March,', true),
      entry('Ferries run until then,', true),
    ])
    expect(codes(checked, { quotesMustBeChecked: true })).toEqual([])
  })
})

describe('preflight of the copyfit', () => {
  it('warns of each field over its slot, saying by how much, and not of those that fit', () => {
    const copyfit = {
      slotId: 'broadsheet-brief',
      slotName: 'Broadsheet brief',
      widows: [],
      fields: [
        { field: 'Headline' as const, unit: 'lines' as const, used: 2, available: 2 },
        { field: 'Body' as const, unit: 'lines' as const, used: 24, available: 20 },
      ],
    }
    expect(preflight(ready(), { ...input, copyfit }).items).toEqual([
      expect.objectContaining({
        code: 'copyfit-over',
        severity: 'warning',
        message: 'Body: 24 of 20 lines: 4 over in “Broadsheet brief”.',
        target: { field: 'Body' },
      }),
    ])
  })
})

describe('preflight', () => {
  it('passes a complete story with nothing to report', () => {
    expect(preflight(ready(), input)).toEqual({ items: [], blocking: 0, warnings: 0 })
  })

  it.each([
    ['no headline', { headline: '' }, 'blocking:no-headline'],
    ['no byline', { byline: [] }, 'blocking:no-byline'],
    ['a figure without caption', { body: body(figure({}, '')) }, 'blocking:no-caption'],
    ['a figure without credit', { body: body(figure({ credit: '' })) }, 'blocking:no-credit'],
    ['a figure without alt text', { body: body(figure({ alt: ' ' })) }, 'blocking:no-alt'],
    [
      'TK in the body',
      { body: body(paragraph('He was TK years old.'), figure({})) },
      'blocking:placeholder',
    ],
    ['TKTK in the headline', { headline: 'Mayor TKTK' }, 'blocking:placeholder'],
    [
      'a pending suggestion',
      {
        body: body(
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'new', marks: [{ type: 'insertion', attrs: { id: 's1' } }] },
            ],
          },
          figure({}),
        ),
      },
      'blocking:suggestions',
    ],
    ['a long headline', { headline: 'x'.repeat(75) }, 'warning:headline-long'],
    ['a long standfirst', { standfirst: 'y'.repeat(201) }, 'warning:standfirst-long'],
    [
      'a style match left',
      { body: body(paragraph('We utilise it.'), figure({})) },
      'warning:style',
    ],
    ['no lead image', { body: body(figure({ lead: false })) }, 'warning:no-lead-image'],
    ['no picture at all', { body: body(paragraph('Words only.')) }, 'warning:no-lead-image'],
  ] as const)('reports %s, and only that', (_case, overrides, expected) => {
    expect(codes(ready(overrides as NewArticleInput))).toEqual([expected])
  })

  it('reports a missing image file', () => {
    expect(codes(ready(), { missingImages: new Set(['assets/abc.jpg']) })).toEqual([
      'blocking:missing-image',
    ])
  })

  it('a style match the desk chose to ignore is not reported', () => {
    const article = ready({
      body: body(paragraph('We utilise it.'), figure({})),
      styleIgnores: ['utilise:utilise'],
    })
    expect(codes(article)).toEqual([])
  })

  it('TK inside a word is not a placeholder', () => {
    expect(codes(ready({ headline: 'TKO in round three' }))).toEqual([])
  })

  it('pending suggestions can never be overridden; other blocking problems can', () => {
    const items = preflight(
      ready({ byline: [{ name: 'Jo', suggestion: { id: 's1', kind: 'insert' } }] }),
      input,
    ).items
    expect(items).toEqual([expect.objectContaining({ code: 'suggestions', overridable: false })])
    expect(preflight(ready({ byline: [] }), input).items[0]?.overridable).toBe(true)
  })

  it('points each figure problem at the figure and its field', () => {
    const article = ready({ body: body(figure({}), figure({ credit: '', lead: false })) })
    expect(preflight(article, input).items).toEqual([
      expect.objectContaining({
        code: 'no-credit',
        message: 'Picture 2 has no credit.',
        target: { field: 'Figure', figureIndex: 1, figureField: 'Credit' },
      }),
    ])
  })

  it('stops a figure still waiting for its picture, saying where the picture is', () => {
    const waiting = figure({ src: '', sourceUrl: 'https://cdn.example.com/bridge.jpg' })
    const article = ready({ body: body(paragraph('The bridge closed.'), waiting) })
    expect(preflight(article, { ...input, missingImages: new Set(['']) }).items).toEqual([
      expect.objectContaining({
        code: 'picture-not-downloaded',
        severity: 'blocking',
        message:
          'Picture 1 was not downloaded (https://cdn.example.com/bridge.jpg): drop the picture file on it, or remove it.',
        target: { field: 'Figure', figureIndex: 0 },
      }),
    ])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { TiptapNodeSchema } from './tiptap-json'
import {
  ARTICLE_SCHEMA_VERSION,
  createArticle,
  formatByline,
  parseArticleJson,
  parseBylineText,
  serializeArticle,
  slugify,
  summarize,
  countWords,
  countCharacters,
} from '.'

const ID = '6f1e0a52-9c4b-4e8f-8a1d-2b3c4d5e6f70'
const NOW = new Date('2026-11-28T10:00:00.000Z')

describe('createArticle', () => {
  it('starts a draft at revision 1 with a slug from the headline', () => {
    const article = createArticle({ headline: 'Flood warning for Ōtaki!' }, ID, NOW)
    expect(article).toMatchObject({
      id: ID,
      slug: 'flood-warning-for-otaki',
      status: 'draft',
      revision: 1,
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      createdAt: NOW.toISOString(),
    })
  })
})

describe('serialize and parse', () => {
  it('round-trips an article exactly', () => {
    const article = createArticle(
      {
        headline: 'A',
        standfirst: 'B',
        byline: [{ name: 'Ana', role: 'Reporter' }],
        keywords: ['x'],
      },
      ID,
      NOW,
    )
    const parsed = parseArticleJson(serializeArticle(article))
    expect(parsed).toEqual({ ok: true, article })
  })

  it.each([
    ['{not json', /not valid JSON/],
    ['[]', /not a JSON object/],
    ['{"schemaVersion": 99}', /newer Copydesk/],
    ['{"schemaVersion": 2}', /invalid article: slug/],
  ])('rejects %s with a reason', (text, reason) => {
    const parsed = parseArticleJson(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })

  it('names the field that is wrong', () => {
    const article = createArticle({ headline: 'A' }, ID, NOW)
    const parsed = parseArticleJson(JSON.stringify({ ...article, id: 'nope', status: 'lost' }))
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/status: Invalid option.*; id: Invalid UUID/),
    })
  })

  it('rejects a body with a node the editor does not know', () => {
    const article = createArticle({ headline: 'A' }, ID, NOW)
    const text = JSON.stringify({
      ...article,
      body: { type: 'doc', content: [{ type: 'iframe' }] },
    })
    const parsed = parseArticleJson(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(/iframe/)
  })

  it('rejects a figure pointing outside the article folder', () => {
    const article = createArticle({ headline: 'A' }, ID, NOW)
    const figure = { type: 'figure', attrs: { src: '../../secrets.jpg', alt: '', credit: '' } }
    const parsed = parseArticleJson(
      JSON.stringify({ ...article, body: { type: 'doc', content: [figure] } }),
    )
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(/assets\/ folder/)
  })
})

describe('an article file read again', () => {
  it('checks again only the body blocks it has not found valid before', () => {
    const paragraphs = Array.from({ length: 30 }, (_, index) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `Read-back paragraph ${index}.` }],
    }))
    const article = createArticle({ headline: 'A' }, ID, NOW)
    const text = JSON.stringify({ ...article, body: { type: 'doc', content: paragraphs } })
    const blockChecks = vi.spyOn(TiptapNodeSchema, 'safeParse')
    try {
      expect(parseArticleJson(text).ok).toBe(true)
      expect(blockChecks).toHaveBeenCalledTimes(paragraphs.length)
      blockChecks.mockClear()
      const again = parseArticleJson(text)
      expect(again.ok && again.article.body.content).toEqual(paragraphs)
      expect(blockChecks).not.toHaveBeenCalled()
    } finally {
      blockChecks.mockRestore()
    }
  })
})

describe('migrations', () => {
  const v1 = readFileSync(new URL('./fixtures/article.v1.json', import.meta.url), 'utf8')

  it('migrates the stored version 1 fixture to the current schema', () => {
    const parsed = parseArticleJson(v1)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.migratedFrom).toBe(1)
    expect(parsed.article.schemaVersion).toBe(ARTICLE_SCHEMA_VERSION)
    expect(parsed.article.byline).toEqual([{ name: 'Mere Tane' }, { name: "Tom O'Brien" }])
    expect(parsed.article.keywords).toEqual(['transport', 'roads'])
    expect(parsed.article.revision).toBe(4)
    expect(parsed.article).not.toHaveProperty('tags')
    expect(parsed.article.styleIgnores).toEqual([])
  })

  it('reports a version 1 file of the wrong shape instead of half-migrating it', () => {
    const broken = JSON.stringify({ ...JSON.parse(v1), byline: 42 })
    const parsed = parseArticleJson(broken)
    expect(parsed).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/migrate from schema version 1: byline/),
    })
  })
})

describe('text helpers', () => {
  it('slugifies to a safe folder name', () => {
    expect(slugify('  Crème brûlée -- at   the café  ')).toBe('creme-brulee-at-the-cafe')
    expect(slugify('!!!')).toBe('untitled')
    expect(slugify('a'.repeat(100)).length).toBeLessThanOrEqual(60)
  })

  it('counts words in any script', () => {
    expect(countWords('The bridge, closed — again.')).toBe(4)
    expect(countWords('')).toBe(0)
  })

  it('summarizes with a body word count', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One two' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'three' }] },
      ],
    }
    expect(summarize(createArticle({ headline: 'H', body }, ID, NOW)).wordCount).toBe(3)
  })

  it('formats and parses bylines', () => {
    const byline = parseBylineText('By Ana Lee, Sam Roe (Additional reporting)')
    expect(byline).toEqual([{ name: 'Ana Lee' }, { name: 'Sam Roe', role: 'Additional reporting' }])
    expect(formatByline(byline)).toBe('By Ana Lee and Sam Roe (Additional reporting)')
  })
})

describe('counts on a long read', () => {
  it('counts 160,000 words exactly and without slowing down', () => {
    const sentence =
      'The inquiry heard evidence from harbour staff, engineers and passengers over three weeks. '
    const text = Array.from(
      { length: 2_000 },
      (_, i) => `Paragraph ${i + 1}. ${sentence.repeat(6)}`,
    ).join(' ')
    expect(countWords(text)).toBe(160_000)
    expect(countCharacters('é👍🏽\nab')).toBe(5)
  })
})

describe('word counting agrees with Intl.Segmenter', () => {
  it.each([
    'The bridge, closed — again.',
    "Tom O'Brien said the 6.45am sailing was 4% full, at $1.2 million.",
    'Crème brûlée: the chef’s e-mail said “no”.',
    'Ōtaki — 12,000 people; 3:15pm.',
    '東京で会議が開かれた。 Then English.',
  ])('%s', (text) => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
    const expected = [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length
    expect(countWords(text)).toBe(expected)
  })
})

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
  SlugSchema,
  ArticleFieldsSchema,
  fieldsOf,
} from '.'
import { describeZodError } from '../validation/describe-zod-error'
import { ValidBlockMemory } from '../editor/validate-body'

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

  it('checks before writing, vouching by the memory for blocks found valid before', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] },
      ],
    }
    const article = createArticle({ headline: 'A', body }, ID, NOW)
    const memory = new ValidBlockMemory()
    const asked = vi.spyOn(memory, 'has')
    serializeArticle(article, memory)
    // A save's blocks, checked as the request crossed, are not checked again on the way out.
    expect(asked).toHaveBeenCalledTimes(2)
    expect(serializeArticle(article, memory)).toBe(serializeArticle(article))
    // What could not be read back is never written.
    const broken = { ...article, body: { type: 'doc', content: [{ type: 'nonsense' }] } }
    expect(() => serializeArticle(broken as typeof article, memory)).toThrow()
  })

  it.each([
    ['{not json', /^is not valid JSON \(unexpected "n" at line 1, column 2\)$/],
    ['', /^is empty$/],
    ['[]', /^does not hold an article: it holds a list$/],
    ['{"schemaVersion": 99}', /^was written by a newer Copydesk \(schema 99;/],
    ['{"schemaVersion": 2}', /^is not a valid article: the slug is missing/],
  ])('rejects %j with a reason', (text, reason) => {
    const parsed = parseArticleJson(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })

  it('names the field that is wrong, in words', () => {
    const article = createArticle({ headline: 'A' }, ID, NOW)
    const parsed = parseArticleJson(JSON.stringify({ ...article, id: 'nope', status: 'lost' }))
    expect(parsed).toMatchObject({
      ok: false,
      reason:
        'is not a valid article: the status is "lost", not one of draft, filed, subbed, ready, published; the id is not a valid id',
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

describe('a damaged article file, described for a person', () => {
  const article = createArticle(
    { headline: 'Bridge closes', byline: [{ name: 'Ana Lee' }] },
    ID,
    NOW,
  )
  const lines = serializeArticle(article).split('\n')
  const reasonFor = (text: string) => {
    const parsed = parseArticleJson(text)
    return parsed.ok ? 'parsed' : parsed.reason
  }

  it('says where a file cut off mid-write ends, by line', () => {
    const cutOff = lines.slice(0, 12).join('\n')
    expect(reasonFor(cutOff)).toBe('is not valid JSON (it ends in the middle, at line 12)')
    expect(reasonFor(`${cutOff}\n\n`)).toBe('is not valid JSON (it ends in the middle, at line 12)')
    expect(reasonFor('{"headline": "Bridge cl')).toBe(
      'is not valid JSON (it ends in the middle, at line 1)',
    )
  })

  it('says where a stray character is, by line and column', () => {
    const edited = lines.map((line, index) => (index === 2 ? `${line},` : line)).join('\n')
    expect(reasonFor(edited)).toBe('is not valid JSON (unexpected "," at line 3, column 31)')
    expect(reasonFor('\uFEFF{}')).toBe(
      'is not valid JSON (unexpected character U+FEFF at line 1, column 1)',
    )
  })

  it('names missing and wrong fields as a person knows them, never by their schema path', () => {
    const { headline, ...withoutHeadline } = article
    expect(headline).toBe('Bridge closes')
    expect(
      reasonFor(JSON.stringify({ ...withoutHeadline, byline: [{ name: '' }], keywords: [3] })),
    ).toBe(
      'is not a valid article: the headline is missing; the name in byline 1 is empty; keyword 1 is a number, not text',
    )
    const reason = reasonFor(
      JSON.stringify({
        ...article,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 7 }] }] },
        revision: 0,
      }),
    )
    expect(reason).toMatch(
      /^is not a valid article: the body cannot be read: block 1 .*; the revision number is 0/,
    )
    expect(reason).not.toMatch(/\w\.\d|fields\.|Invalid input/)
  })

  it('says which schema a newer or unversioned file claims', () => {
    expect(reasonFor(JSON.stringify({ ...article, schemaVersion: 9 }))).toBe(
      `was written by a newer Copydesk (schema 9; this one reads up to schema ${ARTICLE_SCHEMA_VERSION}). Update Copydesk to open it`,
    )
    const { schemaVersion, ...unversioned } = article
    expect(schemaVersion).toBe(ARTICLE_SCHEMA_VERSION)
    expect(reasonFor(JSON.stringify(unversioned))).toMatch(
      /^does not say which version .* is missing\)$/,
    )
  })
})

describe('text a person pastes', () => {
  it('keeps a headline and every typed field of any real length', () => {
    const long = 'Council votes to close the harbour bridge for repairs '.repeat(100).trim()
    const article = createArticle(
      {
        headline: long,
        standfirst: long.repeat(4),
        byline: [{ name: long, role: long }],
        dateline: long,
        section: long,
        keywords: [long],
      },
      ID,
      NOW,
    )
    expect(article.slug.length).toBeLessThanOrEqual(60)
    expect(SlugSchema.safeParse(article.slug).success).toBe(true)
    expect(parseArticleJson(serializeArticle(article))).toEqual({ ok: true, article })
  })

  it('turns even an absurdly long headline into a valid slug', () => {
    const slug = slugify('Ōtaki flood warning! '.repeat(10_000))
    expect(slug).toMatch(/^otaki-flood-warning-otaki/)
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(SlugSchema.safeParse(slug).success).toBe(true)
  })

  it('says in words which field is over its bound, and keeps the path for anything else', () => {
    const fields = fieldsOf(createArticle({ headline: 'A' }, ID, NOW))
    const result = ArticleFieldsSchema.safeParse({
      ...fields,
      byline: [{ name: 'n'.repeat(100_001) }],
      keywords: Array.from({ length: 10_001 }, () => 'flood'),
      status: 'lost',
    })
    expect(result.success || describeZodError(result.error)).toBe(
      'The name in byline 1 is 100,001 characters long; Copydesk keeps at most 100,000. Shorten it and save again. ' +
        'The list of keywords has 10,001 entries; Copydesk keeps at most 10,000. Remove some and save again. ' +
        'status: Invalid option: expected one of "draft"|"filed"|"subbed"|"ready"|"published"',
    )
  })

  it('refuses a file over the abuse bound in words, naming the field', () => {
    const article = createArticle({ headline: 'A' }, ID, NOW)
    const parsed = parseArticleJson(JSON.stringify({ ...article, headline: 'x'.repeat(120_000) }))
    expect(parsed).toEqual({
      ok: false,
      reason:
        'is not a valid article: the headline is 120,000 characters long, more than the 100,000 Copydesk keeps',
    })
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
    const memory = new ValidBlockMemory()
    const blockChecks = vi.spyOn(TiptapNodeSchema, 'safeParse')
    try {
      expect(parseArticleJson(text, memory).ok).toBe(true)
      expect(blockChecks).toHaveBeenCalledTimes(paragraphs.length)
      blockChecks.mockClear()
      const again = parseArticleJson(text, memory)
      expect(again.ok && again.article.body.content).toEqual(paragraphs)
      expect(blockChecks).not.toHaveBeenCalled()
      // Without that memory, as another process would read it, every block is checked.
      expect(parseArticleJson(text).ok).toBe(true)
      expect(blockChecks).toHaveBeenCalledTimes(paragraphs.length)
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
      reason:
        'was written by an older Copydesk (schema 1) but not in the form that version wrote, so it cannot be brought up to date',
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

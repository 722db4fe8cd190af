import { describe, expect, it } from 'vitest'
import { bylineFromLine } from './byline-line'
import { looksLikeCopiedPage, parseCopiedPage } from './copied-page'
import { parsePlainText } from './plain-text'

const sentence = (topic: string) =>
  `The council met on Tuesday to talk about ${topic}, and residents, engineers and the ferry operator each had a great deal to say about the timetable and what the works would cost.`

/** What Select All and Copy gives on a news page: menus first, then the story, then the rest. */
const COPIED_PAGE = [
  'Skip to main content',
  'The Herald',
  'News',
  'Sport',
  'Business',
  'Opinion',
  'Subscribe',
  'Sign in',
  'Transport',
  'Harbour bridge to close for three months of repairs',
  'Ferries will run every 20 minutes while the bridge is shut, the council said.',
  'By Ana Lee and Sam Roe, Transport Correspondents',
  'April 5, 2026 | 6:00 PM',
  'Share',
  'WEB-bridge-1160x768.jpg',
  '',
  sentence('the bridge'),
  '',
  sentence('the ferries'),
  '',
  'What happens next',
  '',
  sentence('the money'),
  'The bridge at dawn. Photo: Jo Smith/Herald',
  sentence('the schools'),
  '',
  'Comments',
  'First! This is the best story I have read all week and I will tell my friends about it.',
  'Most read',
  'Ten things to do this weekend',
].join('\n')

describe('a page copied from a browser', () => {
  it('is told apart from a story typed with blank lines', () => {
    expect(looksLikeCopiedPage(COPIED_PAGE)).toBe(true)
    const typed = ['Bridge to close', '', sentence('the bridge'), '', sentence('the ferries')]
    expect(looksLikeCopiedPage(typed.join('\n'))).toBe(false)
  })

  it('keeps the story, its headline, standfirst, byline and picture, and drops the page', () => {
    const story = parseCopiedPage(COPIED_PAGE)
    expect(story).toMatchObject({
      headline: 'Harbour bridge to close for three months of repairs',
      standfirst: 'Ferries will run every 20 minutes while the bridge is shut, the council said.',
      byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe', role: 'Transport Correspondents' }],
      pictures: [{ caption: 'The bridge at dawn', credit: 'Jo Smith/Herald' }],
    })
    expect(story.bodyHtml).toBe(
      [
        `<p>${sentence('the bridge')}</p>`,
        `<p>${sentence('the ferries')}</p>`,
        '<h2>What happens next</h2>',
        `<p>${sentence('the money')}</p>`,
        '<figure data-picture="0"></figure>',
        `<p>${sentence('the schools')}</p>`,
      ].join(''),
    )
  })

  it('is what importing or pasting plain text does with one', () => {
    expect(parsePlainText(COPIED_PAGE).headline).toBe(
      'Harbour bridge to close for three months of repairs',
    )
  })
})

describe('bylineFromLine', () => {
  it.each([
    ['By Erin Cunningham March 18 at 3:57 PM Follow @erin', [{ name: 'Erin Cunningham' }]],
    ['By JEFFREY GETTLEMAN JAN. 13, 2017', [{ name: 'JEFFREY GETTLEMAN' }]],
    ['Par Sébastien Farcis', [{ name: 'Sébastien Farcis' }]],
    ['By Ludwig van Beethoven | 5 min read', [{ name: 'Ludwig van Beethoven' }]],
    [
      'By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU',
      [{ name: 'Daniel Kahn Gillmor', role: 'Senior Staff Technologist, ACLU' }],
    ],
  ])('reads "%s"', (line, expected) => {
    expect(bylineFromLine(line)).toEqual(expected)
  })

  it('takes a sentence that starts with "By" for no byline', () => {
    expect(bylineFromLine('By the time we got there, it was over.')).toBeUndefined()
  })
})

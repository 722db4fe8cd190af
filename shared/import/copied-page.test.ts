import { describe, expect, it } from 'vitest'
import { bylineFromLine, bylineFromNameLine } from './byline-line'
import { looksLikeCopiedPage, parseCopiedPage } from './copied-page'
import { isDateLine } from './date-line'
import { escapeHtml } from './parsed-story'
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

  it('joins the lines of paragraphs that the page cut mid-sentence', () => {
    const wrapped = COPIED_PAGE.replace(
      sentence('the ferries'),
      sentence('the ferries').replace(' residents, engineers', '\nresidents, engineers'),
    ).replace(sentence('the money'), sentence('the money').replace(' each had', '\neach had'))
    expect(parseCopiedPage(wrapped).bodyHtml).toBe(parseCopiedPage(COPIED_PAGE).bodyHtml)
  })

  it('keeps a list typed with bullets as a list', () => {
    const page = COPIED_PAGE.replace(
      'What happens next',
      ['What happens next', '* Ferries every 20 minutes', '* Buses from the park and ride'].join(
        '\n',
      ),
    )
    expect(parseCopiedPage(page).bodyHtml).toContain(
      '<h2>What happens next</h2><ul><li><p>Ferries every 20 minutes</p></li><li><p>Buses from the park and ride</p></li></ul>',
    )
    // A typed item is never the headline, even one set where a headline would stand.
    const listed = COPIED_PAGE.replace('Harbour bridge', '• Harbour bridge')
    expect(parseCopiedPage(listed).headline).not.toMatch(/^•/)
    // A dash opens a quote in Nordic and Czech copy, not a list.
    const quote = '– Vi är glada att färjorna går som vanligt hela sommaren, säger hon.'
    expect(parseCopiedPage(COPIED_PAGE.replace('What happens next', quote)).bodyHtml).toContain(
      `<p>${quote}</p>`,
    )
  })
})

/**
 * A magazine page: a cookie notice that reads like sentences above the story, teasers with their
 * own long titles near the headline, a bare name for a byline, a caption under "Image", and a
 * "Related" box set into the story before it goes on.
 */
const long = (topic: string) =>
  `${sentence(topic)} Engineers said the ${topic} would need another look before the winter.`
const COPIED_MAGAZINE_PAGE = [
  'Home',
  'City',
  'Culture',
  'Travel',
  'Most popular',
  'Ten famous lighthouses and the families who kept their lamps burning for a century',
  'Why every city is arguing about its trams again this spring season',
  'We use cookies to improve your experience on this site, to show you personalised content and to measure how the site is used by readers like you.',
  'Accept and continue',
  'Why the harbour bridge closes in April',
  'The council says three months of repairs cannot wait another winter.',
  'Sarah Archer',
  '1:39 PM ET',
  'Image',
  'The bridge seen from the ferry terminal at dawn on Monday, with the old ferry in front',
  long('harbour bridge'),
  long('bridge repairs'),
  'Related',
  'Ferries double up for the summer',
  long('ferry timetable'),
  long('harbour works'),
  'Comments',
  long('comment section'),
].join('\n')

describe('the top of a copied page', () => {
  it('finds the headline by its byline and words, not by the teasers and notices around it', () => {
    const story = parseCopiedPage(COPIED_MAGAZINE_PAGE)
    expect(story).toMatchObject({
      headline: 'Why the harbour bridge closes in April',
      standfirst: 'The council says three months of repairs cannot wait another winter.',
      byline: [{ name: 'Sarah Archer' }],
      pictures: [
        {
          caption:
            'The bridge seen from the ferry terminal at dawn on Monday, with the old ferry in front',
          credit: '',
        },
      ],
    })
    expect(story.bodyHtml).toBe(
      [
        '<figure data-picture="0"></figure>',
        `<p>${long('harbour bridge')}</p>`,
        `<p>${long('bridge repairs')}</p>`,
        `<p>${long('ferry timetable')}</p>`,
        `<p>${long('harbour works')}</p>`,
      ].join(''),
    )
  })

  it('reads a caption over its credit line, and leaves a bio out of the byline', () => {
    const page = COPIED_MAGAZINE_PAGE.replace(
      'Sarah Archer',
      'By Sarah Archer, a senior editor who has covered cities and their bridges for a decade',
    ).replace(
      'Image\nThe bridge seen from the ferry terminal at dawn on Monday, with the old ferry in front',
      'The bridge at dawn.\nImage: Jo Smith / Herald',
    )
    const story = parseCopiedPage(page)
    expect(story.byline).toEqual([{ name: 'Sarah Archer' }])
    expect(story.pictures).toMatchObject([
      { caption: 'The bridge at dawn.', credit: 'Jo Smith / Herald' },
    ])
  })

  it('ends the story at a box of teasers that nothing of the story follows', () => {
    const page = COPIED_MAGAZINE_PAGE.replace(
      `Related\nFerries double up for the summer\n${long('ferry timetable')}\n${long('harbour works')}`,
      `Related\n${long('ferry timetable')}\n${long('harbour works')}`,
    )
    expect(parseCopiedPage(page).bodyHtml).not.toContain('ferry timetable')
    const seeAlso = page.replace('Related\n', 'See also\n')
    expect(parseCopiedPage(seeAlso).bodyHtml).not.toContain('ferry timetable')
  })
})

describe('the furniture of a copied page, in other languages', () => {
  const satz = (thema: string) =>
    `Der Stadtrat hat am Dienstag über ${thema} gesprochen, und Anwohner, Ingenieure und die Fährgesellschaft hatten zu den Fahrplänen und den Kosten der Arbeiten viel zu sagen.`
  const page = [
    'Startseite',
    'Politik',
    'Wirtschaft',
    'Kultur',
    'Sport',
    'Brücke im Hafen wird drei Monate lang repariert',
    'Von Anna Lehmann',
    '5. April 2026, 18:00 Uhr',
    satz('die Brücke'),
    'Teilen',
    'Share this article',
    'Newsletter',
    satz('die Fähren'),
    satz('die Kosten'),
    'Anzeige',
    'Mehr zum Thema Verkehr',
    'Hafen: neue Fähren ab Mai',
    'Kommentare lesen (3 Beiträge)',
    satz('den Leserbrief'),
  ].join('\n')

  it('leaves share bars, ads and teaser boxes out, and ends at the comments', () => {
    const story = parseCopiedPage(page)
    expect(story).toMatchObject({
      headline: 'Brücke im Hafen wird drei Monate lang repariert',
      byline: [{ name: 'Anna Lehmann' }],
    })
    expect(story.bodyHtml).toBe(
      [satz('die Brücke'), satz('die Fähren'), satz('die Kosten')]
        .map((paragraph) => `<p>${paragraph}</p>`)
        .join(''),
    )
  })

  it('ends the story at a Czech "Související" box that a feed of other stories follows', () => {
    const věta = (téma: string) =>
      `Městská rada v úterý jednala o tom, jak ${téma}, a obyvatelé, inženýři i provozovatel přívozu měli k jízdním řádům a nákladům na opravy mnoho připomínek.`
    const czech = [
      'Zprávy',
      'Domácí',
      'Zahraničí',
      'Sport',
      'Kultura',
      'Most v přístavu se na tři měsíce zavře kvůli opravám',
      'Anna Nováková',
      'před 2 hodinami',
      věta('opravit most'),
      'Související',
      'Přívozy pojedou častěji',
      věta('zlepšit přívozy'),
      věta('zaplatit opravy'),
      'Sdílet článek',
      'Související',
      'Nové tramvaje vyjedou v květnu',
      'Letiště hlásí rekordní léto',
      'Právě se děje',
      'před 3 minutami',
      'Praha postaví tři sta družstevních bytů',
      věta('postavit byty'),
      věta('najít pozemky'),
    ].join('\n')
    expect(parseCopiedPage(czech).bodyHtml).toBe(
      [věta('opravit most'), věta('zlepšit přívozy'), věta('zaplatit opravy')]
        .map((paragraph) => `<p>${paragraph}</p>`)
        .join(''),
    )
  })
})

describe('isDateLine', () => {
  it.each([
    'Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST',
    '1:39 PM ET',
    'Published Thursday 27 July 2017',
    '1 de diciembre de 2017 3:00 AM PST',
    'Le 04.05.2015 à 13h36',
    '9/11/13 10:00AM',
    'Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC',
    'před 2 hodinami',
    'vor 3 Stunden',
    'il y a 2 heures',
    '2 ore fa',
    'Associated PressDecember 2, 2016',
  ])('takes "%s" for a date line', (line) => {
    expect(isDateLine(line)).toBe(true)
  })

  it.each([
    'Storm hits the coast on March 18 leaving three dead',
    "Friday's best deals: children's books and lamps",
    'The 21 best movies of 2017',
    'Vor dem Rathaus stehen 3 Bäume',
  ])('takes "%s" for more than a date', (line) => {
    expect(isDateLine(line)).toBe(false)
  })
})

describe('bylineFromNameLine', () => {
  it.each([
    ['Dan Goodin - Apr 16, 2015 8:02 pm UTC', 'Dan Goodin', false],
    ['James Akinaka • 8h', 'James Akinaka', false],
    ['Devindra Hardawar, @devindra', 'Devindra Hardawar', false],
    ['Written by Patrick Allan', 'Patrick Allan', false],
    ['on March 10, 2015 by Nikhil Marathe', 'Nikhil Marathe', false],
    ['// By Arun Sai Krishnan • Nov 11, 2020', 'Arun Sai Krishnan', false],
    ['Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger', 'Martin Untersinger', false],
    ['by Laura June Topolsky July 10, 2015', 'Laura June Topolsky', false],
    ['Alex Perry 1 day ago', 'Alex Perry', false],
    ['Tuesday 15 October 2019 by Bradley M. Kuhn', 'Bradley M. Kuhn', false],
    ['John C. Welch', 'John C. Welch', true],
  ])('reads "%s"', (line, name, bare) => {
    expect(bylineFromNameLine(line)).toEqual({ entries: [{ name }], bare })
  })

  it.each([
    'Tech Insider',
    'Why Neon Is the Ultimate Symbol',
    'Share on Facebook',
    'Raspberry Pi 3 - The credit card sized PC that cost only $35',
    'Content Depth — Write Comprehensively About Your Core Topics',
    'Part V - Conclusions',
    'Fiction Page',
    'In Pictures',
  ])('takes "%s" for no name', (line) => {
    expect(bylineFromNameLine(line)).toBeUndefined()
  })
})

describe('bylineFromLine', () => {
  it.each([
    ['By Erin Cunningham March 18 at 3:57 PM Follow @erin', [{ name: 'Erin Cunningham' }]],
    ['By JEFFREY GETTLEMAN JAN. 13, 2017', [{ name: 'JEFFREY GETTLEMAN' }]],
    ['Par Sébastien Farcis', [{ name: 'Sébastien Farcis' }]],
    ['By Ludwig van Beethoven | 5 min read', [{ name: 'Ludwig van Beethoven' }]],
    ['By Alissa Wilkinson@alissamarie', [{ name: 'Alissa Wilkinson' }]],
    [
      'By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU',
      [{ name: 'Daniel Kahn Gillmor', role: 'Senior Staff Technologist, ACLU' }],
    ],
    ['By Brenda Goodman, MA', [{ name: 'Brenda Goodman', role: 'MA' }]],
  ])('reads "%s"', (line, expected) => {
    expect(bylineFromLine(line)).toEqual(expected)
  })

  it('takes a sentence that starts with "By" for no byline', () => {
    expect(bylineFromLine('By the time we got there, it was over.')).toBeUndefined()
  })
})

describe('pages laid out otherwise', () => {
  const story = ['Bridge to close for three months', 'By Ana Lee', sentence('the bridge')]

  it('is a page when its menus are set apart by lines of spaces, not by empty lines', () => {
    const menus = ['Home', 'Gear', 'Reviews', 'Events', 'Log in', 'Search']
    const spaced = [...menus, ...story, sentence('the ferries')].join('\n      \n    \n')
    expect(looksLikeCopiedPage(spaced)).toBe(true)
    expect(parseCopiedPage(spaced).bodyHtml).not.toContain('Reviews')
    const typed = [...menus, ...story, sentence('the ferries')].join('\n\n')
    expect(looksLikeCopiedPage(typed)).toBe(false)
  })

  it('is a page when a few lines stand above the story and the site follows it', () => {
    const page = [
      // A menu copied as one line is as long as a paragraph, but no sentence.
      'Home|News|Pictures|Opinion|Youth|Entertainment|Fashion|Finance|Military|Sport|Jobs|Campus|Travel|Discover|Video|Games|Cars|Inspiration|Culture|Science|Health|Food|Homes|Books|Music|Film',
      'Home >> Education >> News >> Story',
      ...story,
      sentence('the ferries'),
      'Most read',
      'Ten things to do this weekend',
      'Where to eat near the harbour',
      'The best ferry rides',
      'About us',
      'Contact',
    ].join('\n')
    expect(looksLikeCopiedPage(page)).toBe(true)
    const parsed = parseCopiedPage(page)
    expect(parsed.headline).toBe('Bridge to close for three months')
    expect(parsed.bodyHtml).toBe(
      `<p>${sentence('the bridge')}</p><p>${sentence('the ferries')}</p>`,
    )
  })

  it('is typed copy, every line kept, when empty lines part all its short lines', () => {
    // Short paragraphs typed with empty lines between them, however many, are the story's.
    const lines = ['<script>alert(1)</script>', '<img src=x onerror=alert(3)>', 'Short one.']
    const typed = ['Payloads', ...Array.from({ length: 6 }, () => lines).flat(), sentence('all')]
    const text = typed.join('\n\n')
    expect(looksLikeCopiedPage(text)).toBe(false)
    const story = parsePlainText(text)
    const kept = [story.headline, story.standfirst, story.bodyHtml].join('\n')
    const times = (needle: string) => kept.split(needle).length - 1
    expect(
      times('<script>alert(1)</script>') + times('&lt;script&gt;alert(1)&lt;/script&gt;'),
    ).toBe(6)
  })

  it('is a page when empty lines part the many labels of its menus', () => {
    const menus = ['Not logged in', 'Log in now', 'Front page', 'Security', 'Kernel', 'Archives']
    const labels = [
      ...menus,
      ...menus.map((label) => `${label} archive`),
      ...menus.map((label) => `${label} feed`),
    ]
    const page = [...labels, ...story, sentence('the ferries')].join('\n\n')
    expect(looksLikeCopiedPage(page)).toBe(true)
    const parsed = parsePlainText(page)
    expect(parsed.headline).toBe('Bridge to close for three months')
    expect(parsed.byline).toEqual([{ name: 'Ana Lee' }])
    expect(parsed.bodyHtml).not.toContain('Log in now')
  })

  it('leaves out a video player and a gallery set between its paragraphs', () => {
    const player = [
      'Play Video',
      'Play',
      'Mute',
      'Current Time 0:00',
      '/',
      'Duration Time 0:00',
      'Loaded: 0%',
      'Captions',
      'Fullscreen',
      'This is a modal window.',
      ...['Foreground', 'White', 'Black', 'Font Size', '50%', '75%', 'Defaults Done', 'Close'],
      'This is a modal window. This modal can be closed by pressing the Escape key or activating the close button.',
    ]
    const gallery = Array.from({ length: 12 }, (_, slide) => [
      `${slide + 1}/12 Ferry number ${slide + 1}`,
      `A long caption for the ${slide + 1}th ferry, which carries cars and people across the harbour every hour of the day.`,
      'Getty Images',
    ]).flat()
    const menus = ['Home', 'News', 'Sport', 'Business', 'Opinion', 'Sign in']
    const page = [
      ...menus,
      ...story,
      sentence('the schools'),
      ...player,
      sentence('the ferries'),
      'Transport in pictures',
      ...gallery,
      sentence('the money'),
    ].join('\n')
    const parsed = parsePlainText(page)
    expect(parsed.headline).toBe('Bridge to close for three months')
    expect(parsed.bodyHtml).toBe(
      ['the bridge', 'the schools', 'the ferries']
        .map((topic) => `<p>${sentence(topic)}</p>`)
        .concat('<h2>Transport in pictures</h2>', `<p>${sentence('the money')}</p>`)
        .join(''),
    )
  })

  it('goes on past a newsletter sign-up between paragraphs, and ends at one after the last', () => {
    const menus = ['Home', 'News', 'Sport', 'Business', 'Opinion', 'Sign in']
    const page = [
      ...menus,
      ...story,
      'SIGN UP FOR OUR NEWSLETTER',
      sentence('the ferries'),
      'Recevoir la newsletter',
      "L'actu tous les matins par email",
      'Live',
      sentence('the weather elsewhere'),
    ].join('\n')
    const parsed = parsePlainText(page)
    expect(parsed.bodyHtml).toBe(
      `<p>${sentence('the bridge')}</p><p>${sentence('the ferries')}</p>`,
    )
  })

  it('keeps the code and the table rows set between its paragraphs', () => {
    const code = [
      'SELECT status_code, count(*) AS entries',
      'FROM server_log',
      'WHERE period >= now() - interval 1 hour',
      'GROUP BY status_code;',
      'status_code │ entries',
      ...Array.from({ length: 30 }, (_, row) => `${400 + row} │ ${row * 7}`),
    ]
    const page = COPIED_PAGE.replace(
      'What happens next',
      [...code, long('the query'), ...code, long('the alerts')].join('\n'),
    )
    const body = parseCopiedPage(page).bodyHtml
    for (const paragraph of [sentence('the bridge'), long('the query'), long('the alerts')])
      expect(body).toContain(paragraph)
  })

  it('ends the story at a share box, and leaves each share button out', () => {
    const page = COPIED_PAGE.replace(
      'Comments',
      [
        'Click to share on Twitter (Opens in new window)',
        'Share this:',
        'Click to email this to a friend (Opens in new window)',
        long('another story'),
      ].join('\n'),
    )
    const body = parseCopiedPage(page).bodyHtml
    expect(body).toContain(sentence('the schools'))
    expect(body).not.toMatch(/Click to share|Share this|another story/)
  })

  it('finds a headline that ends on initials, and one whose byline sits below a row of buttons', () => {
    const page = [
      ...['Home', 'News', 'Sport', 'Business', 'Opinion', 'Subscribe'],
      // Reads as sentences, so the story's run of sentences starts here: a headline inside it
      // must have its byline or date under it.
      'We use cookies to improve your experience on this site, to show you personalised content and to measure how the site is used by readers like you.',
      'Manhole Fires and Burst Pipes: How Winter Wreaks Havoc Under N.Y.C.',
      ...['Share on Facebook', 'Share on Twitter', 'More Options', 'Resize Text', 'Print Article'],
      ...['Comments', 'Gallery', 'Close', 'Skip Ad', 'View Photos', 'Full Screen', 'Autoplay'],
      'By Corey Kilgannon',
      'Feb. 21, 2019',
      sentence('the manholes'),
      sentence('the water mains'),
    ].join('\n')
    const story = parseCopiedPage(page)
    expect(story.headline).toBe(
      'Manhole Fires and Burst Pipes: How Winter Wreaks Havoc Under N.Y.C.',
    )
    expect(story.byline).toEqual([{ name: 'Corey Kilgannon' }])
  })

  it('finds a headline the page gives twice inside a notice, with the byline above it', () => {
    const page = [
      'Ready to publish?',
      'Change the story’s title, subtitle, and visibility as needed',
      'Ana Lee',
      '6 min read',
      ...['Featured', 'Sign in / Sign up', 'Next story'],
      'The author chose to make this story unlisted, which means only people with a link can see it.',
      'The Harbour Bridge: Three Months Without a Crossing',
      ...['Share on Twitter', 'Share by email'],
      'Harbour Bridge:',
      'Three Months Without a Crossing',
      sentence('the harbour bridge crossing'),
      sentence('three months of repairs'),
    ].join('\n')
    const story = parseCopiedPage(page)
    expect(story.headline).toBe('The Harbour Bridge: Three Months Without a Crossing')
    expect(story.byline).toEqual([{ name: 'Ana Lee' }])
  })

  it('takes no headline or byline from a box of teasers under the headline', () => {
    const page = [
      ...['Home', 'News', 'Sport', 'Business', 'Opinion', 'Subscribe'],
      'Harbour bridge to close for three months of repairs',
      'You may also like',
      ...['The Herald', 'Ferry fares rise for the first time in a decade'],
      ...['Sam Roe', 'Today 7:30AM'],
      ...['The Herald', 'Council names new harbour master after a long search'],
      ...['Kim Park', 'Yesterday 12:35PM'],
      'Ana Lee',
      '4/5/26 10:00AM',
      sentence('the bridge'),
      sentence('the ferries'),
    ].join('\n')
    const story = parseCopiedPage(page)
    expect(story.headline).toBe('Harbour bridge to close for three months of repairs')
    expect(story.byline).toEqual([{ name: 'Ana Lee' }])
  })

  it('keeps a Chinese blog’s lines, broken at phrases without a stop, as the story', () => {
    const blogLine = (place: string) =>
      `低溫寒流報到 已將${place}後山一帶層層山巒披上嫣紅的彩衣與楓香樹林`
    const page = [
      ...['首頁', '部落格', '運動', '美妝', '旅遊', '親子', '美食', '登入', '相簿', '留言'],
      '部落格全站分類：休閒旅遊',
      // Some 30 characters each: fewer words than a Latin line of prose has.
      ...['新竹尖石鄉', '玉峰道路', '秀巒山', '控溪吊橋', '司馬庫斯', '內灣老街'].map(blogLine),
      ...['回應', '引用', '上一篇', '下一篇', '熱門文章', '文章分類', '最新文章', '留言板'],
    ].join('\n')
    expect(looksLikeCopiedPage(page)).toBe(true)
    expect(parseCopiedPage(page).bodyHtml).toBe(
      ['新竹尖石鄉', '玉峰道路', '秀巒山', '控溪吊橋', '司馬庫斯', '內灣老街']
        .map((place) => `<p>${blogLine(place)}</p>`)
        .join(''),
    )
  })

  it('keeps a table as a table, its cells joined into rows wherever Chromium broke them', () => {
    const page = COPIED_PAGE.replace(
      'What happens next',
      [
        // Cells holding paragraphs come with a tab on a line of its own between them.
        'Ferry\n\n\t\n\nDeparts\n\t\nComment',
        'Harbour Queen\n\t\n6:00\n\t\nRuns every day of the week.',
        'Island Star\t7:30\tWeekdays only.',
      ].join('\n'),
    )
    const row = (...cells: string[]) =>
      `<tr>${cells.map((cell) => `<td><p>${cell}</p></td>`).join('')}</tr>`
    const body = parseCopiedPage(page).bodyHtml
    expect(body).toContain(
      `<table><tbody>${row('Ferry', 'Departs', 'Comment')}${row('Harbour Queen', '6:00', 'Runs every day of the week.')}${row('Island Star', '7:30', 'Weekdays only.')}</tbody></table>`,
    )
    // The story goes on after it: a "Comment" cell does not end it.
    expect(body).toContain(sentence('the money'))
  })

  it('ends the story before an archive of teasers cut short', () => {
    const page = COPIED_PAGE.replace(
      'Comments\nFirst!',
      [
        'Labels: Transport, Harbour',
        ...['SEARCH\tARCHIVE', '► 2026 (11)', '▼ 2025 (136)'],
        'Get the guide to finding a ferry that runs when the bridge is...',
        'Four tips for commuters from a harbour master who has seen...',
        'Why the harbour bridge closes in April and what it will...',
        'Start building a better timetable for the island ferries...',
        'Comments\nFirst!',
      ].join('\n'),
    )
    expect(parseCopiedPage(page).bodyHtml).not.toContain('Four tips')
  })

  it('takes an encyclopedia’s title, however short, from above its tagline and tabs', () => {
    const page = [
      ...['Jump to content', 'Main menu', 'Search', 'Create account', 'Log in', 'Contents'],
      'Hermitian matrix',
      ...['6 languages', 'Article', 'Talk', 'Read', 'Edit', 'View history', 'Tools'],
      'From Wikipedia, the free encyclopedia',
      sentence('matrices'),
      sentence('eigenvalues'),
    ].join('\n')
    expect(parseCopiedPage(page).headline).toBe('Hermitian matrix')
  })

  it('takes a headline in title case over a date and "by" line, and not a label above it', () => {
    const page = [
      ...['Home', 'Archive', 'Tags', 'Harbour', 'Ferries', 'Bridges', 'About'],
      'Good Morning Harbour',
      'On Recent Bridge Closures',
      'Tuesday 15 October 2019 by Bradley M. Kuhn',
      sentence('the bridge'),
      sentence('the ferries'),
    ].join('\n')
    expect(parseCopiedPage(page)).toMatchObject({
      headline: 'On Recent Bridge Closures',
      byline: [{ name: 'Bradley M. Kuhn' }],
    })
  })

  it('takes the first byline under the headline, a name over its job, before a dated source', () => {
    const page = [
      ...['Home', 'Mail', 'News', 'Sports', 'Finance', 'Celebrity'],
      'These are the 8 coolest ferry rides in the harbour',
      'Ben Silverman',
      'Transport Editor',
      'Yahoo FinanceOctober 13, 2016',
      sentence('the ferries'),
      sentence('the bridge'),
    ].join('\n')
    expect(parseCopiedPage(page).byline).toEqual([{ name: 'Ben Silverman' }])
  })

  it('takes the title a blog names over its comments', () => {
    const page = [
      ...['Harbour Notes', 'Home', 'About', 'Archive', 'Search this site'],
      // A teaser in the sidebar, with its byline under it.
      'Ferry timetable for the winter months is out',
      'By Sam Roe',
      'The harbour bridge closes this week',
      sentence('the bridge'),
      sentence('the ferries'),
      '2 comments on “The harbour bridge closes this week”',
      'Great post, thanks for writing it all down for us commuters.',
    ].join('\n')
    expect(parseCopiedPage(page).headline).toBe('The harbour bridge closes this week')
  })

  it('takes a headline with words of a page’s buttons in it, over the standfirst under it', () => {
    const page = [
      ...['Home', 'News', 'Sport', 'Business', 'Opinion', 'Subscribe'],
      'Council video shows the credit union app the bridge tolls will use',
      'Drivers who cross the harbour bridge every day will pay their tolls through a credit union app from April',
      '0',
      sentence('the tolls'),
      sentence('the app'),
    ].join('\n')
    expect(parseCopiedPage(page)).toMatchObject({
      headline: 'Council video shows the credit union app the bridge tolls will use',
      standfirst:
        'Drivers who cross the harbour bridge every day will pay their tolls through a credit union app from April',
    })
  })

  it('reads a Japanese page: a long headline, a related box, and markup shown as text', () => {
    const paragraph = (topic: string) =>
      `${topic}は3月9日、Wi-Fi利用時の通信を暗号化し保護するスマートフォンとタブレット向けのセキュリティアプリの発売を開始すると発表した。`
    const page = [
      ...['トップ', '速報', 'ライブ', '個人', 'ビジネス', 'テクノロジー'],
      '<div class="alertBox"> <div class="alert"> <p>現在<em>JavaScriptが無効</em>になっています。すべての機能を利用するにはJavaScriptを有効にしてください。</p></div></div>',
      'トレンドマイクロ、公衆無線LANを安全に使うためのアプリ「フリーWi-Fiプロテクション」',
      'CNET Japan 3/9(木) 18:45配信',
      ...['ツイート', 'シェアする'],
      paragraph('トレンドマイクロ'),
      paragraph('同社'),
      '【関連記事】',
      'トレンドマイクロ、セキュリティサービス「あんしんフリーWi-Fi」を全国の店舗で提供',
      'ビッグローブ、公衆無線LANサービス「BIGLOBE Wi-Fi」を2月1日から全国で提供',
      '最終更新:3/9(木) 18:45',
      '<div style="position:absolute;"><img width=1 height=1 alt="" src="http://b5.example.jp/b?P=oI9TLjE4Mi66RLpAorxEdAVuMTE4LgAAAAA2TzUA"></div>',
    ].join('\n')
    const story = parseCopiedPage(page)
    expect(story.headline).toBe(
      'トレンドマイクロ、公衆無線LANを安全に使うためのアプリ「フリーWi-Fiプロテクション」',
    )
    expect(story.bodyHtml).toContain(paragraph('トレンドマイクロ'))
    expect(story.bodyHtml).not.toContain('&lt;div')
  })

  it('goes on past a count of comments set beside the story', () => {
    const page = COPIED_PAGE.replace('What happens next', 'Comments (5 posted)')
    expect(parseCopiedPage(page).bodyHtml).toContain(sentence('the money'))
  })

  it('leaves out an author box under the story, and goes on past one set into it', () => {
    const bio = 'She covers transport and the harbour for The Herald'
    const under = COPIED_PAGE.replace(
      `${sentence('the schools')}\n`,
      `${sentence('the schools')}\nAna Lee (with Tom Brown)\n${bio}\n`,
    )
    const ended = parseCopiedPage(under).bodyHtml
    expect(ended).toContain(sentence('the schools'))
    expect(ended).not.toContain('Tom Brown')
    expect(ended).not.toContain(bio)

    const inside = COPIED_PAGE.replace(
      `${sentence('the bridge')}\n`,
      `${sentence('the bridge')}\nAna Lee | Transport Correspondent\n${bio}\n`,
    )
    const story = parseCopiedPage(inside)
    expect(story.bodyHtml).not.toContain('Transport Correspondent')
    expect(story.bodyHtml).toContain(sentence('the ferries'))
    expect(story.bodyHtml).toContain(sentence('the schools'))
    // A sentence that opens on the writer's name is the story's.
    const said = `Ana Lee asked the council about the ferries, and ${sentence('the fares')}`
    const quoted = COPIED_PAGE.replace(`${sentence('the ferries')}\n`, `${said}\n`)
    expect(parseCopiedPage(quoted).bodyHtml).toContain(escapeHtml(said))
  })

  it('takes the story a page opened over its stream of teasers, not the stream', () => {
    const teaser = (topic: string) =>
      `An unmanned cargo ship broke up over ${topic} on Thursday, and what the agency said about the launch, the debris and the next flight is all in the story behind this teaser.`
    const headline = 'Russia: Space ship malfunctions, breaks up over Siberia'
    const page = [
      'Home',
      'Mail',
      'News',
      'Sports',
      'Finance',
      'Sign in',
      'Science',
      'Associated Press',
      headline,
      teaser('Siberia'),
      'Cargo ship burns up',
      'UPI',
      teaser('the Pacific'),
      'Ferries double up for the summer',
      'People',
      teaser('the steppe'),
      'Help',
      'Privacy',
      headline,
      'NATALIYA VASILYEVA',
      'Associated PressDecember 2, 2016',
      '11 Comments',
      sentence('the launch'),
      sentence('the debris'),
      sentence('the next flight'),
      'What to Read Next',
      'Ten things to do this weekend',
    ].join('\n')
    const story = parseCopiedPage(page)
    expect(story.headline).toBe(headline)
    expect(story.byline).toEqual([{ name: 'NATALIYA VASILYEVA' }])
    expect(story.bodyHtml).toBe(
      [sentence('the launch'), sentence('the debris'), sentence('the next flight')]
        .map((text) => `<p>${text}</p>`)
        .join(''),
    )
  })

  it('takes a review’s headline from above its score box, by the byline under it', () => {
    const scoreBox = Array.from({ length: 30 }, (_, row) => [`Score ${row}`, `${row * 3}`]).flat()
    const page = [
      ...['Home', 'Gear', 'Gaming', 'Reviews', 'Log in'],
      'Harbour ferry review: A boat that keeps up with the bridge',
      'But only commuters will care.',
      'Devindra Hardawar, @devindra',
      '11.03.17 in Transport',
      ...scoreBox,
      'Pros',
      'Fastest crossing on the harbour yet',
      'Cons',
      sentence('the ferry'),
      sentence('the bridge'),
    ].join('\n')
    expect(parseCopiedPage(page)).toMatchObject({
      headline: 'Harbour ferry review: A boat that keeps up with the bridge',
      byline: [{ name: 'Devindra Hardawar' }],
    })
  })

  it('takes a name alone under the headline and its standfirst for the byline', () => {
    const headline = 'Three surprising findings from our harbour survey'
    const standfirst =
      'This year, our survey revealed changes in how people cross the harbour and what they want.'
    const page = [
      ...['Blog', 'Insights', headline, 'Published on: June 25, 2024', '5 min read'],
      headline,
      standfirst,
      'Dave Steer',
      'surveyharbourferries',
      sentence('the survey'),
      sentence('the ferries'),
    ].join('\n')
    expect(parseCopiedPage(page)).toMatchObject({ headline, byline: [{ name: 'Dave Steer' }] })
    // Not a label of the site's, nor a name an encyclopedia gives in another language.
    const label = page.replace('Dave Steer', 'Fiction Page')
    expect(parseCopiedPage(label).byline).toEqual([])
    const encyclopedia = [
      ...['Jump to content', 'Main menu', 'Search', 'Create account', 'Log in', 'Contents'],
      'New Zealand',
      'From Wikipedia, the free encyclopedia',
      'Jump to navigation Jump to search',
      'New Zealand',
      'Aotearoa (Māori)',
      'Capital\tWellington',
      sentence('the islands'),
      sentence('the harbours'),
    ].join('\n')
    expect(parseCopiedPage(encyclopedia).byline).toEqual([])
  })

  it('takes a title in title case, which reads as a name, for the headline over its byline', () => {
    const page = [
      ...['Table of Contents', 'Foreword', 'Preface', 'Part I - Introduction'],
      ...['1. Introduction', '2. The Harbour', 'Part II - Principles', '3. Bridges'],
      'Appendix A. Ferry Timetables',
      'Monitoring Harbour Bridges',
      'Written by Rob Ewaschuk',
      'Edited by Betsy Beyer',
      sentence('monitoring the bridges'),
      sentence('the harbour'),
    ].join('\n')
    expect(parseCopiedPage(page)).toMatchObject({
      headline: 'Monitoring Harbour Bridges',
      byline: [{ name: 'Rob Ewaschuk' }],
    })
  })
})

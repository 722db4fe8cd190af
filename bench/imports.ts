/**
 * How well imports get real copy right, scored on Mozilla Readability's 130 real test pages
 * (`../shared/corpora/readability-test-pages`): each page's HTML, and the text a reporter gets
 * with Select All and Copy in a browser (rendered in headless Chromium, scripts off,
 * `document.body.innerText`). Headline, byline and body are compared with the expected title,
 * byline and article the corpus gives; pages Readability calls readerable (articles) are
 * reported apart from the rest.
 *
 *   npm run bench -- --imports
 *
 * Beside Copydesk's web-page import, the same run scores the earlier hand-written extractor
 * (kept for pages Readability finds no article in) and the page's whole text, so the choice of
 * extractor rests on figures from the same pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parseHTML } from 'linkedom'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../e2e/find-browser'
import { parseHtmlPage } from '../electron/services/import/html-page'
import { parseFile } from '../electron/services/import/parse-file'
import { parseBylineText, type BylineEntry } from '../shared/article'
import { bylineFromNameLine } from '../shared/import/byline-line'
import { emptyStory, type ParsedStory } from '../shared/import/parsed-story'
import { EXPECTED_BYLINE_ERRATA, EXPECTED_HEADLINE_ERRATA } from './support/corpus-errata'
import { currentCommit, describeMachine } from './support/report'
import { textOverlap, wordsOf, type Overlap } from './support/text-overlap'

export const CORPUS = join(__dirname, '..', '..', 'shared', 'corpora', 'readability-test-pages')

interface CorpusPage {
  name: string
  html: string
  expected: { title: string; byline: string; body: string; readerable: boolean; siteName: string }
}

interface PageScore {
  name: string
  readerable: boolean
  headlineRight: boolean
  /** Undefined where the page has no byline to get right. */
  bylineRight?: boolean
  body: Overlap
}

interface Summary {
  pages: number
  headline: number
  bylinePages: number
  byline: number
  precision: number
  recall: number
  f1: number
}

/** Text of HTML with a space at every tag, so that words in neighbouring blocks stay apart. */
export function htmlText(html: string): string {
  const { document } = parseHTML(
    `<!doctype html><html><body>${html.replace(/</g, ' <')}</body></html>`,
  )
  return document.body.textContent ?? ''
}

function readCorpus(): CorpusPage[] {
  return readdirSync(CORPUS)
    .filter((name) => existsSync(join(CORPUS, name, 'source.html.gz')))
    .map((name) => {
      const read = (file: string) => gunzipSync(readFileSync(join(CORPUS, name, file))).toString()
      const metadata = JSON.parse(
        readFileSync(join(CORPUS, name, 'expected-metadata.json'), 'utf8'),
      ) as Record<string, unknown>
      const text = (key: string) => (typeof metadata[key] === 'string' ? metadata[key] : '')
      return {
        name,
        html: read('source.html.gz'),
        expected: {
          title: text('title'),
          byline: text('byline'),
          siteName: text('siteName'),
          body: htmlText(read('expected.html.gz')),
          readerable: metadata.readerable === true,
        },
      }
    })
}

const sameWords = (a: string, b: string) => wordsOf(a).join(' ') === wordsOf(b).join(' ')

/**
 * The expected title is Readability's, which often keeps the site's name ("… | eHow"); a
 * headline without it is the better one, and is counted right.
 */
function headlineRight(headline: string, expected: CorpusPage['expected']): boolean {
  if (sameWords(headline, expected.title)) return true
  const parts = expected.title.split(/\s+[|–—:-]\s+/)
  return parts.length > 1 && parts.some((part) => sameWords(headline, part))
}

/**
 * The readings of an expected byline: the corpus gives it as the page set it, so besides the
 * byline field's reading ("Ana Lee, Sam Roe") it is read as Copydesk reads a byline line on a
 * page ("By GILLIAN MOHNEY March 11, 2015 3:46 PM": one name and a date, not two names), and
 * where the page set it over lines, as its first line.
 */
const expectedReadings = (byline: string): BylineEntry[][] => {
  // Set over lines ("By Kelli Miller" over "WebMD Health News"), its first line is the names.
  const [firstLine = ''] = byline.trim().split(/\s*\n\s*/)
  return [
    parseBylineText(byline),
    ...[byline, ...(firstLine === byline.trim() ? [] : [firstLine])]
      .map((text) => bylineFromNameLine(text)?.entries ?? [])
      .filter((entries) => entries.length > 0),
  ]
}

/** The same names, in any order, as one reading of the expected byline. */
function bylineRight(story: ParsedStory, expected: string): boolean {
  const names = (entries: BylineEntry[]) =>
    entries
      .map((entry) => wordsOf(entry.name).join(' '))
      .sort()
      .join(', ')
  return (
    story.byline.length > 0 &&
    expectedReadings(expected).some((reading) => names(story.byline) === names(reading))
  )
}

/** The body as a reader sees it: each picture's caption and credit where the picture stands. */
function bodyText(story: ParsedStory): string {
  const html = story.bodyHtml.replace(/<figure data-picture="(\d+)"><\/figure>/g, (_, index) => {
    const picture = story.pictures[Number(index)]
    return picture ? `<p>${picture.caption} ${picture.credit}</p>` : ''
  })
  return htmlText(html)
}

function score(page: CorpusPage, story: ParsedStory): PageScore {
  return {
    name: page.name,
    readerable: page.expected.readerable,
    headlineRight: headlineRight(story.headline, page.expected),
    ...(page.expected.byline && { bylineRight: bylineRight(story, page.expected.byline) }),
    body: textOverlap(bodyText(story), page.expected.body),
  }
}

function summarise(scores: PageScore[]): Summary {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const withByline = scores.filter((entry) => entry.bylineRight !== undefined)
  return {
    pages: scores.length,
    headline: mean(scores.map((entry) => Number(entry.headlineRight))),
    bylinePages: withByline.length,
    byline: mean(withByline.map((entry) => Number(entry.bylineRight))),
    precision: mean(scores.map((entry) => entry.body.precision)),
    recall: mean(scores.map((entry) => entry.body.recall)),
    f1: mean(scores.map((entry) => entry.body.f1)),
  }
}

/** What Select All and Copy gives in a browser: the rendered page's text, scripts off. */
async function copiedTexts(pages: CorpusPage[]): Promise<Map<string, string>> {
  const executablePath = findBrowser()
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE)
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const texts = new Map<string, string>()
  try {
    const context = await browser.newContext({ javaScriptEnabled: false })
    // Nothing leaves the machine: pictures and style sheets the page names are not fetched.
    await context.route('**/*', (route) => route.abort())
    const page = await context.newPage()
    for (const corpusPage of pages) {
      await page.setContent(corpusPage.html, { waitUntil: 'domcontentloaded' })
      texts.set(corpusPage.name, await page.evaluate(() => document.body.innerText))
    }
  } finally {
    await browser.close()
  }
  return texts
}

/**
 * What copied text can be scored on: a copied page has no `<title>`, so where the expected
 * headline (Readability's, from the title) is no line of the text, no reading of it can be right.
 */
function copiedTextHolds(page: CorpusPage, text: string) {
  const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())
  const flat = wordsOf(text).join(' ')
  return {
    headline: lines.some((line) => headlineRight(line, page.expected)),
    byline:
      page.expected.byline !== '' &&
      expectedReadings(page.expected.byline).some((reading) =>
        reading.every((entry) => flat.includes(wordsOf(entry.name).join(' '))),
      ),
  }
}

/** Right of reachable, with and without the pages whose expected answer is wrong. */
interface Tally {
  holds: number
  right: number
  holdsBesideErrata: number
  rightBesideErrata: number
}

const tally = (): Tally => ({ holds: 0, right: 0, holdsBesideErrata: 0, rightBesideErrata: 0 })

function count(entry: Tally, right: boolean, erratum: boolean) {
  entry.holds += 1
  if (right) entry.right += 1
  if (erratum) return
  entry.holdsBesideErrata += 1
  if (right) entry.rightBesideErrata += 1
}

/** Copied text's headline and byline, on the articles whose text holds them. */
function copiedTextReachable(
  pages: CorpusPage[],
  copied: Map<string, string>,
  scores: PageScore[],
): string {
  const headlines = tally()
  const bylines = tally()
  for (const [index, page] of pages.entries()) {
    const score = scores[index]
    if (!page.expected.readerable || !score) continue
    const holds = copiedTextHolds(page, copied.get(page.name) ?? '')
    if (holds.headline) count(headlines, score.headlineRight, page.name in EXPECTED_HEADLINE_ERRATA)
    if (holds.byline)
      count(bylines, score.bylineRight === true, page.name in EXPECTED_BYLINE_ERRATA)
  }
  const articles = pages.filter((page) => page.expected.readerable).length
  const besideErrata = (entry: Tally) =>
    `${entry.rightBesideErrata} of the other ${entry.holdsBesideErrata} (${percent(entry.rightBesideErrata / entry.holdsBesideErrata)})`
  return [
    `Copied text holds the expected headline as one of its lines on ${headlines.holds} of the ${articles} articles (a copied page has no \`<title>\`); on those, the headline is right on ${headlines.right} (${percent(headlines.right / headlines.holds)}).`,
    `It holds every name of the expected byline on ${bylines.holds} articles; on those, the byline is right on ${bylines.right} (${percent(bylines.right / bylines.holds)}).`,
    `Where the corpus expects a headline or byline that is not the story's (bench/support/corpus-errata.ts, ${Object.keys(EXPECTED_HEADLINE_ERRATA).length} headline and ${Object.keys(EXPECTED_BYLINE_ERRATA).length} bylines, each with what the page shows), leaving those pages out: headline right on ${besideErrata(headlines)}, byline on ${besideErrata(bylines)}.`,
  ].join(' ')
}

type Way = 'web page' | 'copied text' | 'earlier extractor' | 'whole page text'

async function parseAs(way: Way, page: CorpusPage, copied: Map<string, string>) {
  const bytes = (text: string) => new TextEncoder().encode(text)
  switch (way) {
    case 'web page':
      return parseFile('html', bytes(page.html))
    case 'copied text':
      return parseFile('txt', bytes(copied.get(page.name) ?? ''))
    case 'earlier extractor':
      return parseHtmlPage(page.html)
    case 'whole page text': {
      const { document } = parseHTML(page.html)
      for (const hidden of Array.from(document.querySelectorAll('script, style, noscript')))
        hidden.remove()
      return { ...emptyStory(), bodyHtml: document.body?.innerHTML ?? '' }
    }
  }
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`

function table(rows: [Way, string, Summary][]): string {
  const lines = [
    '| import | pages | n | headline right | byline right (pages with one) | body F1 | precision | recall |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const [way, group, summary] of rows) {
    lines.push(
      `| ${way} | ${group} | ${summary.pages} | ${percent(summary.headline)} | ${summary.bylinePages ? `${percent(summary.byline)} (${summary.bylinePages})` : '–'} | ${summary.f1.toFixed(3)} | ${summary.precision.toFixed(3)} | ${summary.recall.toFixed(3)} |`,
    )
  }
  return lines.join('\n')
}

export async function runImportBench(out: string, log: (line: string) => void) {
  if (!existsSync(CORPUS))
    throw new Error(
      `The corpus is not there (${CORPUS}): the import bench needs ../shared beside the repository.`,
    )
  const pages = readCorpus()
  log(`Rendering ${pages.length} pages in Chromium for their copied text …`)
  const copied = await copiedTexts(pages)
  const ways: Way[] = ['web page', 'copied text', 'earlier extractor', 'whole page text']
  const rows: [Way, string, Summary][] = []
  const refused: string[] = []
  const worst: Record<string, { name: string; f1: number }[]> = {}
  let reachable = ''
  for (const way of ways) {
    log(`Importing each page as ${way} …`)
    const scores: PageScore[] = []
    for (const page of pages) {
      try {
        scores.push(score(page, await parseAs(way, page, copied)))
      } catch (error) {
        // A refused page scores nothing, and says why.
        refused.push(
          `${way}, ${page.name}: ${error instanceof Error ? error.message : String(error)}`,
        )
        scores.push(score(page, emptyStory()))
      }
    }
    if (way === 'copied text') reachable = copiedTextReachable(pages, copied, scores)
    rows.push([way, 'articles', summarise(scores.filter((entry) => entry.readerable))])
    rows.push([way, 'other pages', summarise(scores.filter((entry) => !entry.readerable))])
    worst[way] = scores
      .map((entry) => ({ name: entry.name, f1: Number(entry.body.f1.toFixed(3)) }))
      .sort((a, b) => a.f1 - b.f1)
      .slice(0, 8)
  }
  const machine = describeMachine()
  const commit = currentCommit()
  const report = [
    '# Import quality on real pages',
    '',
    `${pages.length} pages of Mozilla Readability's test corpus; ${machine}; commit ${commit}; ${new Date().toISOString()}.`,
    'Body: F1 of shared four-word shingles against the expected article, averaged over pages. Headline: the same words as the expected title (a title part beside a site name counts). Byline: the same names.',
    '',
    table(rows),
    '',
    reachable,
    '',
    'Lowest body F1, per import:',
    '',
    ...Object.entries(worst).map(
      ([way, entries]) =>
        `- ${way}: ${entries.map((entry) => `${entry.name} ${entry.f1}`).join(', ')}`,
    ),
    '',
    ...(refused.length
      ? ['Refused (scored as empty):', '', ...refused.map((line) => `- ${line}`), '']
      : []),
  ].join('\n')
  await writeFile(join(out, 'IMPORTS.md'), report)
  await writeFile(
    join(out, 'imports.json'),
    `${JSON.stringify({ date: new Date().toISOString(), commit, machine, rows, worst }, null, 2)}\n`,
  )
  return report
}

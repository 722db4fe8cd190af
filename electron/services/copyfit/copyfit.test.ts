import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../../../e2e/find-browser'
import { describeFit } from '../../../shared/copyfit/copyfit-report'
import { setParagraph } from '../../../shared/copyfit/line-breaker'
import { resourcesDir } from '../platform/app-paths'
import { Copyfit } from './copyfit'
import { hyphenatorFor } from './hyphenation'
import { FaceMetrics, fontFiles } from './slot-fonts'
import { Slots } from './slots'
import { makeTempDir } from '../testing/test-support'

const WORDS = (
  'the council said on Tuesday that harbour bridge repairs would begin in March and last until ' +
  'the end of the year while ferries carry commuters across the water every twenty minutes ' +
  'engineers found corrosion in several supporting cables during an inspection transport ' +
  'minister responsible infrastructure extraordinary neighbourhood administration consultation ' +
  'residents businesses complained temporary arrangements unacceptable inconvenience ' +
  'construction contractor estimated approximately million dollars communication ' +
  'a an of to it is was be by we they who'
).split(' ')

/** The same 100 paragraphs every run: 15 to 120 words each, drawn with a fixed seed. */
function generatedParagraphs(): string[] {
  let seed = 20261207
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  return Array.from({ length: 100 }, () => {
    const count = 15 + Math.floor(next() * 105)
    const words = Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)])
    const text = words.join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  })
}

const SIZE_PX = 16
const LEADING_PX = 20
const MEASURE_PX = 260

const browser = findBrowser()

describe('line counts against a browser', () => {
  it.skipIf(!browser)(
    `agree with Chromium setting the same face, size, measure and hyphenation${browser ? '' : ` (skipped: ${NO_BROWSER_MESSAGE})`}`,
    async () => {
      const hyphenate = await hyphenatorFor('en')
      const paragraphs = generatedParagraphs().map(hyphenate)
      const [latin] = fontFiles('Source Serif 4', 400) ?? []
      if (!latin) throw new Error('Source Serif 4 is missing')
      const face = new FaceMetrics([latin])
      const ours = paragraphs.map(
        (text) =>
          setParagraph(text, MEASURE_PX, {
            width: (run) => face.width(run) * SIZE_PX,
            space: face.width(' ') * SIZE_PX,
            hyphen: face.width('-') * SIZE_PX,
          }).lines.length,
      )

      const launched = await chromium.launch({ executablePath: browser, args: CHROMIUM_ARGS })
      try {
        const page = await launched.newPage()
        const font = readFileSync(latin).toString('base64')
        await page.setContent(`<!doctype html><style>
          @font-face { font-family: Slot; src: url(data:font/woff;base64,${font}) format('woff'); }
          p { font: 400 ${SIZE_PX}px/${LEADING_PX}px Slot; width: ${MEASURE_PX}px; margin: 0 0 1em;
              hyphens: manual; text-align: left; overflow-wrap: normal; padding: 0; }
        </style><body></body>`)
        const theirs = await page.evaluate(
          async ({ texts, leading }) => {
            for (const text of texts) {
              const paragraph = document.createElement('p')
              paragraph.textContent = text
              document.body.append(paragraph)
            }
            await document.fonts.ready
            await document.fonts.load('16px Slot')
            if (!document.fonts.check('16px Slot')) throw new Error('the slot face did not load')
            return Array.from(document.querySelectorAll('p')).map((paragraph) =>
              Math.round(paragraph.getBoundingClientRect().height / leading),
            )
          },
          { texts: paragraphs, leading: LEADING_PX },
        )
        const same = ours.filter((lines, index) => lines === theirs[index]).length
        const furthest = Math.max(
          ...ours.map((lines, index) => Math.abs(lines - (theirs[index] ?? 0))),
        )
        expect(theirs.reduce((sum, lines) => sum + lines, 0)).toBeGreaterThan(300)
        expect(
          same,
          `${same} of 100 the same; ours ${ours.join(',')}; Chromium ${theirs.join(',')}`,
        ).toBeGreaterThanOrEqual(95)
        expect(furthest).toBeLessThanOrEqual(1)
      } finally {
        await launched.close()
      }
    },
  )
})

describe('a story against the shipped slots', () => {
  const copyfit = new Copyfit(new Slots(join(resourcesDir(), 'slots'), '/nonexistent'))
  const paragraph =
    'The council said on Tuesday that repairs to the harbour bridge would begin in March and last until the end of the year, while ferries carry commuters across the water every twenty minutes.'

  it('counts a brief over its column, and says by how much', async () => {
    const report = await copyfit.measure('broadsheet-brief', {
      headline: 'Harbour bridge to close',
      standfirst: '',
      paragraphs: Array.from({ length: 6 }, () => paragraph),
      language: 'en',
    })
    if (!report.ok) throw new Error(report.error.message)
    const body = report.value.fields.find((fit) => fit.field === 'Body')
    expect(body?.available).toBe(20)
    // Six paragraphs of some 35 words in a 46 mm column at 9 pt: about six lines each.
    expect(body?.used).toBeGreaterThan(30)
    expect(describeFit(body ?? { field: 'Body', unit: 'lines', used: 0, available: 1 })).toMatch(
      /^Body: \d+ of 20 lines: \d+ over$/,
    )
    expect(report.value.bodyOver).toEqual({
      paragraph: expect.any(Number),
      line: expect.any(Number),
    })
    const shorter = await copyfit.measure('broadsheet-brief', {
      headline: 'Harbour bridge to close',
      standfirst: '',
      paragraphs: [paragraph],
      language: 'en',
    })
    expect(shorter.ok && shorter.value.fields.map(describeFit)).toEqual([
      'Headline: 2 of 2 lines',
      expect.stringMatching(/^Body: [4-8] of 20 lines$/),
    ])
  })

  it('counts a web slot in characters, the search and social titles being the headline', async () => {
    const report = await copyfit.measure('web-home-page', {
      headline:
        'Harbour bridge to close for a year of repairs, and the ferries will run every twenty minutes',
      standfirst: 'Commuters face a year of ferries.',
      paragraphs: [],
      language: 'en',
    })
    expect(report.ok && report.value.fields.map(describeFit)).toEqual([
      'Headline: 92 of 70 characters: 22 over',
      'Search title: 92 of 60 characters: 32 over',
      'Social title: 92 of 90 characters: 2 over',
      'Standfirst: 33 of 160 characters',
    ])
  })

  it('loads every shipped slot, and reports a newsroom slot that does not parse', async () => {
    const temp = makeTempDir()
    try {
      const slots = new Slots(join(resourcesDir(), 'slots'), temp.path)
      const refused = await slots.import(
        'our-page.yaml',
        'kind: print\nname: Ours\nfont: Comic Sans\n',
      )
      expect(refused.ok).toBe(false)
      const loaded = await slots.load()
      expect(loaded.ok && loaded.value.problems).toEqual([])
      expect(loaded.ok && loaded.value.slots.map((slot) => slot.id).sort()).toEqual([
        'broadsheet-brief',
        'broadsheet-page-lead',
        'tabloid-page-lead',
        'web-home-page',
      ])
    } finally {
      temp.remove()
    }
  })
})

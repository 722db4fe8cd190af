import type { Browser } from 'playwright-core'
import { startCopydesk } from '../browser/copydesk-host'
import { newBenchPage } from '../browser/new-page'
import { openFromLibrary } from '../browser/probes'
import { figureOf, type Figure } from '../support/figure'
import { withoutFigures, type BenchArticle } from './bench-articles'

/**
 * From starting the browser host to a story open and editable: the process, the page, the
 * library, the story. Beside it, the baseline page loading and mounting the same story.
 */
export async function measureStart(
  browser: Browser,
  library: string,
  configDir: string,
  baselineUrl: string,
  story: BenchArticle,
  rounds: number,
): Promise<Figure[]> {
  const starts: number[] = []
  const hostUp: number[] = []
  const listed: number[] = []
  const bareStarts: number[] = []
  for (let round = 0; round < rounds; round++) {
    const began = performance.now()
    const host = await startCopydesk(library, configDir)
    hostUp.push(host.startMs)
    const page = await newBenchPage(browser)
    try {
      await page.goto(host.url)
      await page.locator('.article-item').first().waitFor()
      listed.push(performance.now() - began)
      await page.evaluate(openFromLibrary, [story.article.headline, story.marker] as [
        string,
        string,
      ])
      starts.push(performance.now() - began)
    } finally {
      await page.close()
      await host.stop()
    }
    const bare = await newBenchPage(browser)
    const bareBegan = performance.now()
    await bare.goto(baselineUrl)
    await bare.evaluate(
      (doc) => window.baselines.openTiptap(doc),
      withoutFigures(story.article.body),
    )
    bareStarts.push(performance.now() - bareBegan)
    await bare.close()
  }
  return [
    figureOf('Start', 'host process listening', hostUp),
    figureOf('Start', 'host start to the library listed', listed),
    figureOf(
      'Start',
      `host start to an editable ${story.words.toLocaleString('en')}-word story`,
      starts,
      {
        name: 'baseline page load + mount',
        taken: bareStarts,
      },
    ),
  ]
}

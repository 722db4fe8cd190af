import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../../e2e/find-browser'

/** The Chromium the benchmarks drive, or an error saying how to get one. */
export async function launchBenchBrowser(): Promise<Browser> {
  const executablePath = findBrowser()
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE)
  return chromium.launch({
    executablePath,
    // Precise heap figures, and timers that are not throttled in a background tab.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--disable-renderer-backgrounding'],
  })
}

/** The browser as a report names it: `chromium 120.0.6099.224`. */
export const browserName = (browser: Browser) =>
  `${browser.browserType().name()} ${browser.version()}`

/**
 * A page that can run the probes: tsx keeps function names by wrapping them in `__name(…)`,
 * and that helper has to exist on the page the functions are sent to.
 */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript({ content: 'globalThis.__name = (target) => target' })
  // A page error would otherwise look like a slow or missing figure.
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
  return page
}

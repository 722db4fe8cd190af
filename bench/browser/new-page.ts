import type { Browser, Page } from 'playwright-core'

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

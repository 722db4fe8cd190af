import type { Page, TestInfo } from '@playwright/test'
import { join } from 'node:path'
import sharp from 'sharp'
import { expect, test } from './fixtures'

/**
 * Pictures of the main screens in both themes, with the sample story written for the project.
 * Every run takes them (into the test's output); `npm run screenshots` also writes the small
 * copies the README shows, in e2e/screenshots/.
 */
const PUBLISH = process.env.COPYDESK_SCREENSHOTS === '1'
const PUBLISHED = join(__dirname, 'screenshots')
const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

async function picture(page: Page, testInfo: TestInfo, name: string) {
  // From the top of the story; the caret blinks and the save status ticks: wait for a still page.
  await page.getByRole('main', { name: 'Story' }).evaluate((story) => story.scrollTo(0, 0))
  await page.waitForTimeout(300)
  const png = await page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
  expect(png.byteLength).toBeGreaterThan(10_000)
  if (PUBLISH) {
    await sharp(png)
      .resize({ width: 1200 })
      .png({ palette: true, quality: 85, compressionLevel: 9 })
      .toFile(join(PUBLISHED, `${name}.png`))
  }
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const current = () => page.evaluate(() => document.documentElement.dataset.theme)
  if ((await current()) !== theme) await page.keyboard.press(`${mod}+Shift+L`)
  await expect.poll(current).toBe(theme)
}

test('screenshots of the main screens, light and dark', async ({ app }, testInfo) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByRole('button', { name: 'Open a sample article' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toContainText('Harbour ferry')

  await setTheme(page, 'light')
  await picture(page, testInfo, 'editor-light')
  await setTheme(page, 'dark')
  await picture(page, testInfo, 'editor-dark')

  await page.keyboard.press(`${mod}+Shift+F`)
  await page.getByText('About 300 passengers').click()
  await picture(page, testInfo, 'focus-mode-dark')
  await page.keyboard.press('Escape')

  await setTheme(page, 'light')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible()
  await picture(page, testInfo, 'export-light')
})

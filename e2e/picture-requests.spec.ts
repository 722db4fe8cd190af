import type { Response } from '@playwright/test'
import { insertImage } from './actions'
import { expect, test } from './fixtures'

test('a story with a picture reopens at start, and is left, without a failed image request', async ({
  app,
}) => {
  const { page } = app
  await app.cli('new', '--headline', 'Bridge at dawn')
  await app.cli('new', '--headline', 'Council minutes')
  await page.reload()
  const library = page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('button', { name: /Bridge at dawn/ }).click()
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('The council voted on Tuesday.')
  await insertImage(page, '#335577', { width: 400, height: 300 })
  const picture = page.locator('figure img')
  await expect(picture).toHaveJSProperty('complete', true)
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  // Every image the page asks for, from here on: none may fail.
  const failed: string[] = []
  page.on('response', (response: Response) => {
    if (response.request().resourceType() === 'image' && response.status() >= 400)
      failed.push(`${response.status()} ${new URL(response.url()).pathname}`)
  })

  // The story opened last opens again at start ('app:start'), with its picture.
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Bridge at dawn')
  await expect(picture).toHaveJSProperty('complete', true)
  expect(await picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(400)

  // Leaving it takes its editor down; that must not ask for the picture at a wrong address.
  await library.getByRole('button', { name: /Council minutes/ }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Council minutes')
  await library.getByRole('button', { name: /Bridge at dawn/ }).click()
  await expect(picture).toHaveJSProperty('complete', true)
  await page.getByRole('button', { name: 'New article' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('')
  // A request made while the old editor went away has answered by now.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)))
  expect(failed).toEqual([])
})

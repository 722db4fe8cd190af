import { expect, test } from './fixtures'

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

test('find and replace across the story: count, case, whole words, one undo for replace all', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Council closes the bridge')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type(
    'The council met. Councillors voted. The Council said the bridge closes.',
  )

  await page.keyboard.press(`${mod}+f`)
  const bar = page.getByRole('search', { name: 'Find and replace' })
  const find = bar.getByRole('textbox', { name: 'Find' })
  await expect(find).toBeFocused()
  await find.fill('council')
  const status = bar.getByRole('status')
  // Headline once, body three times (Councillors included): case and part-words both count.
  await expect(status).toHaveText('1 of 4 matches')
  await bar.getByRole('checkbox', { name: 'Whole words' }).check()
  await expect(status).toHaveText('1 of 3 matches')
  await bar.getByRole('checkbox', { name: 'Match case' }).check()
  await expect(status).toHaveText('1 of 1 match')
  await bar.getByRole('checkbox', { name: 'Match case' }).uncheck()

  await find.press('Enter')
  await expect(status).toHaveText('2 of 3 matches')
  await find.press('Shift+Enter')
  await expect(status).toHaveText('1 of 3 matches')

  await bar.getByRole('textbox', { name: 'Replace with' }).fill('board')
  await bar.getByRole('button', { name: 'Replace all' }).click()
  await expect(status).toHaveText('Replaced 3 matches')
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'board closes the bridge',
  )
  await expect(body).toHaveText(
    'The board met. Councillors voted. The board said the bridge closes.',
  )

  // Replace all was one step in the body: one undo brings every body match back.
  await bar.getByRole('button', { name: 'Close find and replace' }).click()
  await expect(bar).toBeHidden()
  await body.click()
  await page.keyboard.press(`${mod}+z`)
  await expect(body).toHaveText(
    'The council met. Councillors voted. The Council said the bridge closes.',
  )
})

test('commands from the keyboard: focus mode, panels, theme, shortcuts help', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await expect(page.getByRole('complementary', { name: 'Metadata' })).toBeVisible()

  await page.keyboard.press(`${mod}+Shift+F`)
  await expect(page.getByRole('complementary', { name: 'Metadata' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'New article' })).toBeHidden()
  // The paragraph being written stands out; the others step back.
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('First paragraph.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Second paragraph, being written.')
  const opacity = (text: string) =>
    body.getByText(text).evaluate((paragraph) => Number(getComputedStyle(paragraph).opacity))
  await expect.poll(() => opacity('Second paragraph')).toBe(1)
  await expect.poll(() => opacity('First paragraph')).toBeLessThan(1)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible()
  await expect.poll(() => opacity('First paragraph')).toBe(1)

  await page.keyboard.press(`${mod}+Alt+p`)
  await expect(page.getByRole('complementary', { name: 'Metadata' })).toBeHidden()
  await page.keyboard.press(`${mod}+Alt+p`)
  await expect(page.getByRole('complementary', { name: 'Metadata' })).toBeVisible()

  const theme = () => page.evaluate(() => document.documentElement.dataset.theme)
  const before = await theme()
  await page.keyboard.press(`${mod}+Shift+L`)
  await expect.poll(theme).not.toBe(before)
  // Remembered: the next window starts with it.
  const switched = await theme()
  await page.reload()
  await expect.poll(theme).toBe(switched)

  await page.keyboard.press('F1')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help.getByRole('row', { name: /Find and replace/ })).toBeVisible()
})

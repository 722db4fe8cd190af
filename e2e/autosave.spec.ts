import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { makeReadOnly } from '../electron/services/testing/test-support'
import { expect, test } from './fixtures'

test('autosave after a pause, and on switching articles', async ({ app }) => {
  const { page } = app
  await app.cli('new', '--headline', 'Second story')
  await page.reload()
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('First story')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
    /^Saved \d{1,2}:\d\d/,
    {
      timeout: 10_000,
    },
  )

  await page.getByRole('textbox', { name: 'Standfirst' }).click()
  await page.keyboard.type('Typed just before switching.')
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Second story/ })
    .click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Second story')
  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  const first = listed.articles.find(
    (article: { headline: string }) => article.headline === 'First story',
  )
  const shown = JSON.parse((await app.cli('show', first.id, '--json')).stdout)
  expect(shown.standfirst).toBe('Typed just before switching.')
})

test('pasted line breaks in the headline become spaces; undo works per field', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await headline.click()
  await page.evaluate(() => {
    const transfer = new DataTransfer()
    transfer.setData('text/plain', 'Storm warning\nfor the coast\r\n\r\ntonight')
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  })
  await expect(headline).toHaveText('Storm warning for the coast tonight')

  await page.getByRole('textbox', { name: 'Standfirst' }).click()
  await page.keyboard.type('Standfirst text')
  await headline.click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(headline).toHaveText('')
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveText('Standfirst text')
})

test('a failed save says why, keeps the text, and is retried until it works', async ({ app }) => {
  const { page } = app
  await app.cli('new', '--headline', 'Read-only test')
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Read-only test/ })
    .click()
  const folder = join(
    app.library,
    readdirSync(app.library).find((name) => name.startsWith('read-only-test')) ?? '',
  )
  const undo = makeReadOnly(folder)
  // Skip reason: only where the file system cannot make a folder read-only for root (no chattr
  // +i, as in some containers); everywhere else, CI included, this test runs.
  test.skip(!undo, 'this file system cannot make a folder read-only for root (chattr +i)')
  try {
    await page.getByRole('textbox', { name: 'Standfirst' }).click()
    await page.keyboard.type('Words that must not be lost.')
    await page.keyboard.press('ControlOrMeta+s')
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
      /^Save failed: Cannot save the article: permission denied .* Your text is kept here and saving is retried\.$/,
    )
    await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveText(
      'Words that must not be lost.',
    )
  } finally {
    undo?.()
  }
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /, {
    timeout: 15_000,
  })
  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  const shown = JSON.parse((await app.cli('show', listed.articles[0].id, '--json')).stdout)
  expect(shown.standfirst).toBe('Words that must not be lost.')
})

test('the save status stays in sight at the foot of a long story', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.keyboard.type('A long story')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.evaluate(() => {
    const transfer = new DataTransfer()
    const paragraphs = Array.from(
      { length: 80 },
      (_, n) => `<p>Paragraph ${n + 1} of the story.</p>`,
    )
    transfer.setData('text/html', paragraphs.join(''))
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  })
  await expect(page.getByText('Paragraph 80 of the story.')).toBeAttached()
  await page.getByText('Paragraph 80 of the story.').scrollIntoViewIfNeeded()
  await expect(page.getByText('Paragraph 1 of the story.', { exact: true })).not.toBeInViewport()
  await expect(page.getByRole('status', { name: 'Save status' })).toBeInViewport()
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /, {
    timeout: 15_000,
  })
})

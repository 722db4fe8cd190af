import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Pastes 2 MB of plain text (paragraphs a blank line apart) where the caret is, as the clipboard would. */
function pasteTwoMegabytes(page: Page) {
  return page.evaluate(() => {
    const line =
      'The council approved the harbour plan on Monday after a long debate about the costs. '
    const paragraphs = Array.from(
      { length: 4_800 },
      (_, n) => `Part ${n + 1}: ${line.repeat(5).trim()}`,
    )
    const transfer = new DataTransfer()
    transfer.setData('text/plain', paragraphs.join('\n\n'))
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  })
}

test('a 2 MB paste is asked about first: Cancel leaves the body as it was, Paste anyway pastes it', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Wire dump')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Our own first line.')

  await pasteTwoMegabytes(page)
  const question = page.getByRole('dialog', { name: 'Large paste' })
  await expect(question).toContainText(
    /^Large paste\s*This paste is 2\.0 MB, about 370,000 words: pasting it may take a while\./,
  )
  await question.getByRole('button', { name: 'Cancel' }).click()
  await expect(question).toBeHidden()
  await expect(body).toHaveText('Our own first line.')
  await expect(body).toBeFocused()

  await pasteTwoMegabytes(page)
  await question.getByRole('button', { name: 'Paste anyway' }).click()
  await expect(question).toBeHidden()
  await expect(body.getByText(/^Part 4800: The council approved/)).toBeAttached({ timeout: 30_000 })
  await expect(body.locator(':scope > p')).toHaveCount(4_800)
  await expect(body.locator(':scope > p').first()).toHaveText(
    /^Our own first line\.Part 1: The council/,
  )
  // Typing goes on where the paste ended.
  await page.keyboard.type(' The end.')
  await expect(body.locator(':scope > p').last()).toHaveText(/the costs\. The end\.$/)
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /, {
    timeout: 30_000,
  })
})

test('a 2 MB paste can go in as plain text, and an ordinary paste is not asked about', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.evaluate(() => {
    const transfer = new DataTransfer()
    transfer.setData('text/html', '<p>A <b>short</b> paste.</p>')
    transfer.setData('text/plain', 'A short paste.')
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  })
  await expect(body).toHaveText('A short paste.')
  await expect(page.getByRole('dialog', { name: 'Large paste' })).toHaveCount(0)

  await pasteTwoMegabytes(page)
  const question = page.getByRole('dialog', { name: 'Large paste' })
  await question.getByRole('button', { name: 'Paste as plain text' }).click()
  await expect(body.getByText(/^Part 4800: The council approved/)).toBeAttached({ timeout: 30_000 })
})

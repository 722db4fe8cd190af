import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

async function replaceText(page: Page, name: string, text: string) {
  await page.getByRole('textbox', { name, exact: true }).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(text)
}

test('save versions, compare them word by word, restore the older and then the newer exactly', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await replaceText(page, 'Headline', 'Council delays vote on rates')
  await replaceText(page, 'Body', 'The vote was put off until Tuesday.')
  const history = page.getByRole('region', { name: 'History' })
  await history.getByRole('textbox', { name: 'Version label' }).fill('first')
  await history.getByRole('button', { name: 'Save version' }).click()
  await expect(history.getByRole('list', { name: 'Versions' })).toContainText('first')

  await replaceText(page, 'Headline', 'Council passes rates rise')
  await replaceText(page, 'Body', 'The vote passed on Wednesday, six to five.')
  await history.getByRole('textbox', { name: 'Version label' }).fill('second')
  await history.getByRole('button', { name: 'Save version' }).click()
  await expect(history.getByRole('list', { name: 'Versions' })).toContainText('second')

  await history.getByRole('button', { name: 'Compare first', exact: true }).click()
  const compare = page.getByRole('dialog', { name: 'Compare versions' })
  const headlineChanges = compare.getByRole('region', { name: 'Changes to Headline' })
  await expect(headlineChanges).toContainText('Council')
  await expect(headlineChanges.locator('del').first()).toHaveText('delays')
  await expect(headlineChanges.locator('ins').first()).toHaveText('passes')
  await expect(
    compare.getByRole('region', { name: 'Changes to Body' }).locator('ins').first(),
  ).toContainText('passed')
  await compare.getByRole('button', { name: 'Close' }).click()

  await history.getByRole('button', { name: 'Restore first', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Council delays vote on rates',
  )
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText(
    'The vote was put off until Tuesday.',
  )
  await expect(history.getByRole('list', { name: 'Versions' })).toContainText(
    'Before restoring first',
  )

  await history.getByRole('button', { name: 'Restore second', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Council passes rates rise',
  )
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText(
    'The vote passed on Wednesday, six to five.',
  )
  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  expect(listed.articles[0].headline).toBe('Council passes rates rise')
})

test('a status change is recorded with who and when, one step at a time', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  await page
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('textbox', { name: /Your name/ })
    .fill('Mere Tane')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page.getByRole('button', { name: 'New article' }).click()
  await replaceText(page, 'Headline', 'Port strike ends')
  const status = page.getByRole('combobox', { name: 'Status', exact: true })
  await expect(status.locator('option')).toHaveText(['draft', 'filed'])
  await status.selectOption('filed')
  await page.keyboard.press('ControlOrMeta+s')
  const versions = page
    .getByRole('region', { name: 'History' })
    .getByRole('list', { name: 'Versions' })
  await expect(versions.getByRole('listitem').filter({ hasText: 'draft → filed' })).toContainText(
    'Mere Tane',
  )
  await expect(status.locator('option')).toHaveText(['draft', 'filed', 'subbed'])
})

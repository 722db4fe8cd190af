import { expect, test } from './fixtures'

test('Move to trash says so, and Undo brings the article back and opens it', async ({ app }) => {
  const { page } = app
  await app.cli('new', '--headline', 'Budget leak')
  await page.reload()
  const library = page.getByRole('navigation', { name: 'Library' })
  const articles = library.getByRole('list', { name: 'Articles' })
  await library.getByRole('button', { name: /Budget leak/ }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Budget leak')

  await page.getByRole('button', { name: 'Move to trash' }).click()
  const notice = page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('status')
    .filter({ hasText: 'Moved “Budget leak” to the trash.' })
  await expect(notice).toBeVisible()
  await expect(articles.getByRole('button', { name: /Budget leak/ })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveCount(0)

  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Budget leak')
  await expect(articles.getByRole('button', { name: /Budget leak/ })).toBeVisible()
  await expect(library.getByText(/^Trash \(\d+\)$/)).toHaveCount(0)
  await expect(notice).toHaveCount(0)

  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  expect(listed.articles.map((article: { headline: string }) => article.headline)).toEqual([
    'Budget leak',
  ])
})

test('an untitled article is named as the library names it', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('A note with no headline yet.')
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await expect(
    page.getByRole('region', { name: 'Notifications' }).getByRole('status'),
  ).toContainText('Moved “Untitled” to the trash.')
})

import { expect, test } from './fixtures'

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

test('the library search box finds words anywhere in a story as you type, highlights them, filters and opens the result', async ({
  app,
}) => {
  const { page } = app
  for (const article of [
    {
      headline: 'Harbour ferry back in service',
      byline: [{ name: 'Ana Lee' }],
      section: 'Local',
      body: paragraph('A cheer went up as the ferry rounded the breakwater on Monday.'),
    },
    {
      headline: 'Council approves harbour budget',
      byline: [{ name: 'Sam Roe' }],
      section: 'Politics',
      body: paragraph('Rates rise by four percent.'),
    },
    {
      headline: 'Hospital wing opens',
      byline: [{ name: 'Sam Roe' }],
      section: 'Health',
      body: paragraph('Patients moved in on Tuesday.'),
    },
  ]) {
    await app.otherDesk.create(article)
  }
  const library = page.getByRole('navigation', { name: 'Library' })
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(3)

  const searchBox = library.getByRole('searchbox', { name: 'Search articles' })
  const results = library.getByRole('list', { name: 'Search results' })
  const summary = library.getByRole('status').filter({ hasText: /articles? match|No article/ })

  // A word from the body, typed in part: the passage shows with the word marked.
  await searchBox.pressSequentially('breakw')
  await expect(summary).toHaveText('1 of 3 articles match.')
  await expect(results.getByRole('button')).toHaveCount(1)
  await expect(results.locator('mark')).toHaveText(['breakwater'])
  await expect(results.getByRole('button')).toContainText('rounded the breakwater on Monday')

  // A typo is forgiven; two words must both match.
  await searchBox.fill('hospitel')
  await expect(results.getByRole('button')).toHaveText([/Hospital wing opens/])
  await searchBox.fill('harbour')
  await expect(results.getByRole('button')).toHaveCount(2)
  await expect(results.locator('.article-headline mark')).toHaveText([/^harbour$/i, /^harbour$/i])
  await searchBox.fill('harbour ferry')
  await expect(results.getByRole('button')).toHaveText([/Harbour ferry back in service/])

  // Filters: byline and section, with no words at all.
  await searchBox.fill('')
  await library.getByRole('button', { name: 'More filters' }).click()
  await library.getByRole('textbox', { name: 'Byline' }).fill('roe')
  await expect(results.getByRole('button')).toHaveCount(2)
  await library.getByRole('textbox', { name: 'Section' }).fill('health')
  await expect(results.getByRole('button')).toHaveText([/Hospital wing opens/])
  await library.getByRole('textbox', { name: 'Section' }).fill('sport')
  await expect(summary).toHaveText(
    'No article matches, of 3 searched: try fewer or shorter words, or clear the filters.',
  )
  await library.getByRole('button', { name: 'Clear search' }).click()
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(3)

  // A result opens the article; words saved in it are found straight away.
  await searchBox.fill('patients')
  await results.getByRole('button', { name: /Hospital wing opens/ }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Hospital wing opens')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' The new wing has a helipad.')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
  await searchBox.fill('helipad')
  await expect(results.getByRole('button')).toHaveText([/Hospital wing opens/])
})

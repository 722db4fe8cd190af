import { expect, test } from './fixtures'

test('house style: matches underlined and counted, fixed or ignored, and ignoring survives a reload', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Council moves toward a decision')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('The mayor slammed the plan on Tuesday.')

  const style = page.getByRole('region', { name: 'Style' })
  const matches = style.getByRole('list', { name: 'Style matches' })
  await expect(matches).toContainText('“slammed” → “criticised”')
  await expect(matches).toContainText('“toward” → “towards”')
  await expect(page.locator('.style-match')).toHaveCount(2)
  await expect(style).toContainText(/Spelling\s*1/)
  await expect(style).toContainText(/Banned and loaded words\s*1/)

  // Clicking the underline brings its explanation to the top of the panel.
  await page.locator('.style-match', { hasText: 'slammed' }).click()
  await expect(matches.getByRole('listitem').first()).toContainText('Loaded verb')

  await style.getByRole('button', { name: 'Apply fix: slammed' }).click()
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText(
    'The mayor criticised the plan on Tuesday.',
  )

  await style.getByRole('button', { name: 'Ignore: toward' }).click()
  await expect(matches.getByRole('listitem')).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Council moves toward a decision',
  )
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Council moves toward/ })
    .click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Council moves toward a decision',
  )
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.press('End')
  // "toward" stays ignored everywhere in this article; other matches still show.
  await page.keyboard.type(' He walked toward the door, definately.')
  await expect(matches).toContainText('“definately” → “definitely”')
  await expect(matches.getByRole('listitem')).toHaveCount(1)
})

test('house style on plain fields: byline names and figure alt text get hints with a fix', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Open a sample article' }).click()
  const byline = page.getByRole('list', { name: 'Byline' })
  await byline.getByRole('textbox', { name: 'Name' }).fill('Ana  Lee')
  const nameHints = byline.getByRole('list', { name: 'House style for Name' })
  await expect(nameHints).toContainText('More than one space between words.')
  await nameHints.getByRole('button', { name: 'Apply fix' }).click()
  await expect(byline.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana Lee')

  const alt = page.getByRole('textbox', { name: 'Alt text' })
  await alt.fill('A ferry crosses the harbour toward the wharf.')
  const altHints = page.getByRole('list', { name: 'House style for Alt text' })
  await expect(altHints).toContainText('House style is towards.')
  await altHints.getByRole('button', { name: 'Apply fix' }).click()
  await expect(alt).toHaveValue('A ferry crosses the harbour towards the wharf.')
  await expect(altHints).toHaveCount(0)
})

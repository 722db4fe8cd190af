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

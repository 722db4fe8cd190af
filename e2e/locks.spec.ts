import { expect, test } from './fixtures'

test('two desks on one article: the second reads it locked, and can edit once the first has quit', async ({
  app,
}) => {
  // Skipped in the Electron shell only: the single-instance lock hands a second launch to the
  // first window, so two desks there need two user profiles, which the fixture's Electron mode
  // does not make. The browser host runs this with two host processes.
  test.skip(
    process.env.COPYDESK_E2E_SHELL === 'electron',
    'a second Electron launch joins the first (single-instance lock)',
  )
  await app.cli('new', '--headline', 'Shared story', '--byline', 'Ana Lee')
  const first = await app.secondDesk('Ana Lee')
  await first.page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Shared story/ })
    .click()
  await expect(first.page.getByRole('textbox', { name: 'Headline' })).toHaveText('Shared story')
  await expect(first.page.getByRole('status', { name: 'Article lock' })).toHaveCount(0)

  const { page } = app
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Shared story/ })
    .click()
  const notice = page.getByRole('status', { name: 'Article lock' })
  await expect(notice).toContainText('Locked by Ana Lee since')
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveAttribute(
    'contenteditable',
    'false',
  )
  await expect(
    page.getByRole('list', { name: 'Byline' }).getByRole('textbox', { name: 'Name' }),
  ).toBeDisabled()

  // Taking over while the first desk still has it open changes nothing.
  await notice.getByRole('button', { name: 'Take over' }).click()
  await expect(notice).toContainText('still has it open')

  await first.quit()
  await notice.getByRole('button', { name: 'Take over' }).click()
  await expect(notice).toBeHidden()
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await expect(headline).toHaveAttribute('contenteditable', 'true')
  await headline.fill('Shared story, updated')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
})

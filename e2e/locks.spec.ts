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
  // The first desk's lock goes with it: this desk may notice by itself (the library watcher)
  // before Take over is pressed, and on a busy machine it often does.
  const takeOver = notice.getByRole('button', { name: 'Take over' })
  await expect(async () => {
    if (await takeOver.isVisible()) await takeOver.click({ timeout: 2_000 })
    await expect(notice).toBeHidden({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await expect(headline).toHaveAttribute('contenteditable', 'true')
  await headline.fill('Shared story, updated')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
})

test('two tabs on one story: the second is read-only until the first has closed', async ({
  app,
}) => {
  // Skipped in the Electron shell only: it opens one window per library, so there are no tabs.
  test.skip(
    process.env.COPYDESK_E2E_SHELL === 'electron',
    'the desktop app opens one window per library',
  )
  await app.cli('new', '--headline', 'One story, two tabs')
  const openStory = async (page: typeof app.page) => {
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /One story, two tabs/ })
      .click()
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('One story, two tabs')
  }
  const first = app.page
  await openStory(first)
  await expect(first.getByRole('textbox', { name: 'Headline' })).toHaveAttribute(
    'contenteditable',
    'true',
  )

  const firstHistory = first.getByRole('region', { name: 'History' })
  await firstHistory.getByRole('textbox', { name: 'Version label' }).fill('as filed')
  await firstHistory.getByRole('button', { name: 'Save version' }).click()
  await expect(firstHistory.getByRole('list', { name: 'Versions' })).toContainText('as filed')

  const second = await app.newTab()
  await openStory(second)
  const notice = second.getByRole('status', { name: 'Article lock' })
  await expect(notice).toContainText('Open for editing in another window or tab since')
  await expect(second.getByRole('textbox', { name: 'Headline' })).toHaveAttribute(
    'contenteditable',
    'false',
  )
  // Its history is not restored or added to here.
  const history = second.getByRole('region', { name: 'History' })
  await expect(history.getByRole('button', { name: 'Restore as filed' })).toBeDisabled()
  await expect(history.getByRole('button', { name: 'Save version' })).toBeDisabled()

  // A reload is the same tab: it keeps editing.
  await first.reload()
  await openStory(first)
  await expect(first.getByRole('textbox', { name: 'Headline' })).toHaveAttribute(
    'contenteditable',
    'true',
  )

  await first.close()
  // The host lets a closed tab's lock go once its connection has been away for ten seconds.
  await expect(async () => {
    await notice.getByRole('button', { name: 'Take over' }).click()
    await expect(notice).toBeHidden({ timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  const headline = second.getByRole('textbox', { name: 'Headline' })
  await expect(headline).toHaveAttribute('contenteditable', 'true')
  await headline.fill('One story, one tab')
  await second.keyboard.press('ControlOrMeta+s')
  await expect(second.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
})

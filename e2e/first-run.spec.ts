import { expect, test, TEST_DISPLAY_NAME } from './fixtures'

test.describe('on a first run, with no settings saved', () => {
  test.use({ displayName: '' })

  test('the person is asked their name, never given the login; skipping asks again next start', async ({
    app,
  }) => {
    const { page } = app
    const question = page.getByRole('dialog', { name: 'Your name' })
    const name = question.getByRole('textbox', { name: 'Your name, as it appears in bylines' })
    await expect(name).toBeFocused()
    // Not modal: the library can be used while the question waits.
    await page.getByRole('button', { name: 'New article' }).click()
    await expect(page.getByRole('textbox', { name: 'Headline' })).toBeFocused()
    await expect(question).toBeVisible()
    await question.getByRole('button', { name: 'Not now' }).click()
    await expect(question).toBeHidden()
    // Without a name, a new story has nobody's name on it.
    const byline = page.getByRole('list', { name: 'Byline' })
    await expect(byline.getByRole('textbox', { name: 'Name' })).toHaveCount(0)
    await page.getByRole('textbox', { name: 'Headline' }).click()
    await page.keyboard.type('Skipped the name')
    await page.keyboard.press('ControlOrMeta+s')
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

    // Escape puts it off too.
    await page.reload()
    await expect(name).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(question).toBeHidden()

    // Still no name saved: asked again at the next start, and this time it is given.
    await page.reload()
    await expect(question).toBeVisible()
    await name.fill('  Mere Tane ')
    await question.getByRole('button', { name: 'Save name' }).click()
    await expect(question).toBeHidden()
    await page.getByRole('button', { name: 'New article' }).click()
    await expect(byline.getByRole('textbox', { name: 'Name' })).toHaveValue('Mere Tane')

    // Given once, it is not asked again, and Settings shows it, to change there.
    await page.reload()
    await expect(page.getByRole('button', { name: 'New article' })).toBeVisible()
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await expect(settings.getByRole('textbox', { name: /Your name/ })).toHaveValue('Mere Tane')
    await expect(question).toHaveCount(0)
  })
})

test('a person whose name is saved is not asked, and new stories carry it', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await expect(
    page.getByRole('list', { name: 'Byline' }).getByRole('textbox', { name: 'Name' }),
  ).toHaveValue(TEST_DISPLAY_NAME)
  await expect(page.getByRole('dialog', { name: 'Your name' })).toHaveCount(0)
})

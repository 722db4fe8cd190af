import { saveAndReopen } from './actions'
import { expect, test } from './fixtures'

const PARAGRAPH =
  'The council said on Tuesday that repairs to the harbour bridge would begin in March and last until the end of the year, while ferries carry commuters across the water every twenty minutes.'

test('a story given a slot shows the lines it takes, and what is over goes as copy is cut', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Harbour bridge to close')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  for (let count = 0; count < 5; count++) {
    await page.keyboard.insertText(PARAGRAPH)
    await page.keyboard.press('Enter')
  }

  const panel = page.getByRole('region', { name: 'Copyfit' })
  await panel.getByRole('combobox', { name: 'Slot' }).selectOption('Broadsheet brief (1 column)')
  const fit = panel.getByRole('list', { name: 'Fit' })
  await expect(fit).toContainText('Headline: 2 of 2 lines')
  await expect(fit).toContainText(/Body: \d+ of 20 lines: \d+ over/)
  // The paragraphs past the slot's lines are marked in the text.
  await expect(body.locator('.copyfit-over').first()).toBeVisible()

  // Cut to two paragraphs: it fits, and nothing is marked.
  await body.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText(PARAGRAPH)
  await page.keyboard.press('Enter')
  await page.keyboard.insertText(PARAGRAPH)
  await expect(fit).toContainText(/Body: \d+ of 20 lines$/)
  await expect(body.locator('.copyfit-over')).toHaveCount(0)

  // The web home page counts characters; the slot is kept with the story.
  await panel.getByRole('combobox', { name: 'Slot' }).selectOption('Web home page')
  await expect(fit).toContainText('Headline: 23 of 70 characters')
  await saveAndReopen(page, /Harbour bridge/)
  await expect(
    page.getByRole('region', { name: 'Copyfit' }).getByRole('combobox', { name: 'Slot' }),
  ).toHaveValue('web-home-page')

  // A newsroom's own slot, added in Settings, is there to choose.
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const ourSlot = 'kind: web\nname: Our app alert\nbudgets: { headline: 40 }\n'
  const slotSettings = settings.getByRole('group', { name: 'Copyfit slots' })
  await slotSettings.getByLabel('Slot file').setInputFiles({
    name: 'app-alert.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(ourSlot),
  })
  await expect(slotSettings.getByRole('status')).toHaveText('Added the slot in app-alert.yaml.')
  await expect(slotSettings.getByRole('list', { name: 'Slots' })).toContainText('Our app alert')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  const slot = page.getByRole('region', { name: 'Copyfit' }).getByRole('combobox', { name: 'Slot' })
  await slot.selectOption('Our app alert')
  await expect(
    page.getByRole('region', { name: 'Copyfit' }).getByRole('list', { name: 'Fit' }),
  ).toHaveText('Headline: 23 of 40 characters')
})

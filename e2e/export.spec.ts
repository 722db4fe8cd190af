import type { Download } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { importFiles, insertImage, selectText } from './actions'
import { expect, test } from './fixtures'

test('export: the preflight takes you to each problem, then the chosen formats download', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Council votes to close bridge')
  const byline = page.getByRole('list', { name: 'Byline' })
  await byline.getByRole('textbox', { name: 'Name' }).fill('Ana Lee')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('The council voted 7-2 on Tuesday.')
  await insertImage(page, '#335577', { width: 800, height: 600 })
  await page.getByRole('textbox', { name: 'Caption' }).click()
  await page.keyboard.type('The bridge at dawn.')

  await page
    .getByRole('toolbar', { name: 'Article actions' })
    .getByRole('button', { name: 'Export' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const checklist = dialog.getByRole('list', { name: 'Preflight' })
  await expect(checklist).toContainText('Picture 1 has no credit.')
  await expect(checklist).toContainText('Picture 1 has no alt text.')
  await expect(checklist).toContainText('No picture is marked as the lead image.')
  await expect(dialog.getByRole('button', { name: 'Export files' })).toBeDisabled()

  await checklist.getByRole('button', { name: 'Picture 1 has no credit.' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('textbox', { name: 'Credit' })).toBeFocused()
  await page.keyboard.type('Jo Smith/Herald')
  await page.getByRole('textbox', { name: 'Alt text' }).fill('The bridge in morning mist')
  await page.getByRole('checkbox', { name: 'Lead image' }).check()
  // The picture's rights, apart from the credit line.
  await page.getByText('Rights', { exact: true }).click()
  await page.getByRole('textbox', { name: 'Photographer' }).fill('Jo Smith')
  await page.getByRole('textbox', { name: 'Copyright notice' }).fill('© 2026 Herald Media')
  await expect(page.getByText('Rights: © 2026 Herald Media')).toBeVisible()

  await page
    .getByRole('toolbar', { name: 'Article actions' })
    .getByRole('button', { name: 'Export' })
    .click()
  // Nothing blocks now (a house-style warning may remain).
  await expect(dialog.getByText(/^Preflight: (all clear|0 blocking)/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Export files' })).toBeEnabled()

  await dialog.getByText('Preview', { exact: true }).click()
  await dialog.getByRole('combobox', { name: 'Preview format' }).selectOption('nitf')
  await expect(dialog.getByLabel('Preview', { exact: true })).toContainText(
    '<hl1>Council votes to close bridge</hl1>',
  )

  await dialog.getByRole('checkbox', { name: 'Package (zip with images)' }).uncheck()
  await dialog.getByRole('checkbox', { name: 'IPTC ninjs 2.2' }).check()
  await dialog.getByRole('checkbox', { name: 'Word (DOCX)' }).check()
  const downloads: Promise<Download>[] = []
  page.on('download', (download) => downloads.push(Promise.resolve(download)))
  await dialog.getByRole('button', { name: 'Export files' }).click()
  await expect(dialog.getByRole('status')).toContainText('Exported')
  await expect.poll(() => downloads.length).toBe(2)
  const [ninjsDownload, docxDownload] = await Promise.all(downloads)
  expect(ninjsDownload?.suggestedFilename()).toBe('council-votes-to-close-bridge.ninjs.json')
  expect(docxDownload?.suggestedFilename()).toBe('council-votes-to-close-bridge.docx')
  const ninjs = JSON.parse(await readFile(String(await ninjsDownload?.path()), 'utf8'))
  expect(ninjs).toMatchObject({
    headlines: [{ role: 'main', value: 'Council votes to close bridge' }],
    by: 'Ana Lee',
    associations: [
      {
        name: 'featureimage',
        by: 'Jo Smith/Herald',
        copyrightnotice: '© 2026 Herald Media',
        infosources: [{ name: 'Jo Smith', role: 'creator' }],
      },
    ],
  })
  const docx = await readFile(String(await docxDownload?.path()))
  expect(docx.subarray(0, 2).toString()).toBe('PK')
})

test('batch export from the library: one zip, and the articles left out named with the reason', async ({
  app,
}) => {
  const { page } = app
  for (const [headline, name] of [
    ['Ready story', 'Sam Roe'],
    ['Unsigned story', ''],
  ]) {
    await page.getByRole('button', { name: 'New article' }).click()
    // The new article's empty headline, not the previous article's still on screen.
    const headlineField = page.getByRole('textbox', { name: 'Headline' })
    await expect(headlineField).toHaveText('')
    await headlineField.fill(headline ?? '')
    const nameField = page
      .getByRole('list', { name: 'Byline' })
      .getByRole('textbox', { name: 'Name' })
    if ((await nameField.count()) === 0)
      await page.getByRole('button', { name: 'Add byline' }).click()
    await nameField.fill(name ?? '')
    await page.keyboard.press('ControlOrMeta+s')
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
  }
  const library = page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('checkbox', { name: 'Select Ready story' }).check()
  await library.getByRole('checkbox', { name: 'Select Unsigned story' }).check()
  const batch = library.getByRole('region', { name: 'Batch export' })
  await batch.getByRole('combobox', { name: 'Format' }).selectOption('txt')
  const download = page.waitForEvent('download')
  await batch.getByRole('button', { name: 'Export selected (2)' }).click()
  expect((await download).suggestedFilename()).toBe('copydesk-txt-1-articles.zip')
  await expect(library.getByRole('list', { name: 'Not exported' })).toContainText(
    'Unsigned story: "Unsigned story" cannot be exported yet: The story has no byline.',
  )
})

test('a story with suggestions goes to Word as tracked changes, and comes back as suggestions', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Ferry fares rise')
  await page
    .getByRole('list', { name: 'Byline' })
    .getByRole('textbox', { name: 'Name' })
    .fill('Ana Lee')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Fares rise by 5% on Monday.')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
  await page.getByRole('button', { name: 'Suggest edits' }).click()
  await selectText(body, 'Monday')
  await page.keyboard.type('Tuesday')
  const suggestions = page.getByRole('region', { name: 'Suggestions' }).getByRole('listitem')
  await expect(suggestions).toHaveCount(1)

  await page
    .getByRole('toolbar', { name: 'Article actions' })
    .getByRole('button', { name: 'Export' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('list', { name: 'Preflight' })).toContainText(
    '1 suggestion is waiting',
  )
  await dialog.getByRole('checkbox', { name: 'Package (zip with images)' }).uncheck()
  await dialog.getByRole('checkbox', { name: 'Word (DOCX)' }).check()
  const exportFiles = dialog.getByRole('button', { name: 'Export files' })
  await expect(exportFiles).toBeDisabled()
  await dialog
    .getByRole('checkbox', {
      name: 'Word: suggestions as tracked changes, comments as Word comments',
    })
    .check()
  await expect(exportFiles).toBeEnabled()
  const download = page.waitForEvent('download')
  await exportFiles.click()
  const docx = await readFile(String(await (await download).path()))
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The freelancer's Word file, imported: the change is a suggestion again, by the same person.
  await importFiles(page, [
    {
      name: 'ferry-fares-from-word.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    },
  ])
  await expect(
    page.getByRole('region', { name: 'Import results' }).getByRole('status'),
  ).toContainText('Imported “Ferry fares rise”.')
  await expect(suggestions).toHaveCount(1)
  await expect(suggestions.first()).toContainText('Dana Desk')
  await expect(body.locator('.suggestion-deletion')).toHaveText('Monday')
  await expect(body.locator('.suggestion-insertion')).toHaveText('Tuesday')
})

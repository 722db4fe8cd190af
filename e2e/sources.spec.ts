import type { Download } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { saveAndReopen } from './actions'
import { expect, test } from './fixtures'

test('a quote linked to its source and ticked by the desk, kept with the story and never exported', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Harbour bridge to reopen in March')
  await page
    .getByRole('list', { name: 'Byline' })
    .getByRole('textbox', { name: 'Name' })
    .fill('Ana Lee')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('“We will reopen the bridge by March,” the mayor said. ')
  await page.keyboard.type('Ferries run until then.')

  const panel = page.getByRole('region', { name: 'Sources' })
  const quote = panel.getByRole('listitem', { name: 'Quote: We will reopen the bridge by March,' })
  await expect(quote).toBeVisible()
  await expect(panel.getByRole('status', { name: 'Quote checks' })).toHaveText(
    '1 quote: 1 without a source, 1 not checked.',
  )

  await panel.getByRole('button', { name: 'Add a source' }).click()
  const form = panel.getByRole('form', { name: 'New source' })
  await form.getByRole('textbox', { name: 'Name' }).fill('Eva Lind')
  await form.getByRole('textbox', { name: 'Role' }).fill('mayor')
  await form.getByRole('combobox', { name: 'How reached' }).selectOption('phone')
  await form.getByRole('textbox', { name: 'Contact' }).fill('021 555 0199')
  await form.getByRole('textbox', { name: 'Notes' }).fill('Called her office at noon')
  await form.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('listitem', { name: 'Eva Lind' })).toContainText('mayor')

  // One choice links the quote to her; the desk then ticks it checked.
  await quote.getByRole('combobox', { name: 'Said by' }).selectOption('Eva Lind')
  await quote.getByRole('combobox', { name: 'Record' }).selectOption('recording')
  // The recording is kept in the story's folder, never in an export.
  await quote.getByLabel('Recording file').setInputFiles({
    name: 'Mayor interview.m4a',
    mimeType: 'audio/mp4',
    buffer: Buffer.from('not really audio, but a file the recorder made'),
  })
  await expect(quote.getByRole('textbox', { name: 'Where it is' })).toHaveValue(
    'recordings/mayor-interview.m4a',
  )
  const [folder] = readdirSync(app.library).filter((name) => !name.startsWith('.'))
  expect(readdirSync(join(app.library, folder ?? '', 'recordings'))).toEqual([
    'mayor-interview.m4a',
  ])
  await quote.getByRole('textbox', { name: 'At' }).fill('12:40')
  await quote.getByRole('checkbox', { name: 'Checked' }).check()
  await expect(quote).toContainText('Checked by')
  await expect(panel.getByRole('status', { name: 'Quote checks' })).toHaveText(
    '1 quote: 0 without a source, 0 not checked.',
  )

  // Kept with the story: still there after a reload.
  await saveAndReopen(page, /Harbour bridge/)
  const reloaded = page
    .getByRole('region', { name: 'Sources' })
    .getByRole('listitem', { name: 'Quote: We will reopen the bridge by March,' })
  await expect(reloaded.getByRole('combobox', { name: 'Said by' })).toHaveValue(/.+/)
  await expect(reloaded.getByRole('checkbox', { name: 'Checked' })).toBeChecked()

  // Found by her name in the library; not a word of the log in any file exported.
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Lind')
  await expect(
    page
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: /Harbour bridge/ }),
  ).toContainText('A source in its source log')

  await page
    .getByRole('toolbar', { name: 'Article actions' })
    .getByRole('button', { name: 'Export' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('checkbox', { name: 'Package (zip with images)' }).uncheck()
  for (const format of ['HTML page', 'Markdown', 'Plain text (wire)', 'IPTC ninjs 2.2', 'NITF 3.6'])
    await dialog.getByRole('checkbox', { name: format }).check()
  const downloads: Promise<Download>[] = []
  page.on('download', (download) => downloads.push(Promise.resolve(download)))
  await dialog.getByRole('button', { name: 'Export files' }).click()
  await expect.poll(() => downloads.length).toBe(5)
  for (const download of await Promise.all(downloads)) {
    const content = await readFile(String(await download.path()), 'utf8')
    expect(content, download.suggestedFilename()).toContain('We will reopen the bridge by March')
    expect(content, download.suggestedFilename()).not.toMatch(
      /Eva Lind|021 555 0199|Called her office|mayor-interview|12:40|Checked by/,
    )
  }
})

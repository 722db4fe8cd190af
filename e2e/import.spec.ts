import { expect, test } from './fixtures'

test('Import… makes an article from a file and opens it; a bad file is refused by name', async ({
  app,
}) => {
  const { page } = app
  const markdown = [
    '---',
    'headline: Ferry sailings cancelled',
    'standfirst: Storm keeps boats in port.',
    'byline: Ana Lee',
    '---',
    '',
    'All sailings are off until **Friday**.',
    '',
    'Check the timetable online.',
  ].join('\n')
  const chooser = page.waitForEvent('filechooser')
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'Import…' })
    .click()
  const fileChooser = await chooser
  await fileChooser.setFiles([
    { name: 'ferry.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) },
    { name: 'wire.json', mimeType: 'application/json', buffer: Buffer.from('{"uri": ') },
  ])
  const results = page.getByRole('region', { name: 'Import results' })
  await expect(results.getByRole('status')).toContainText('Imported “Ferry sailings cancelled”.')
  await expect(results.getByRole('alert')).toContainText(
    'wire.json cannot be imported: it is not valid JSON',
  )
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Ferry sailings cancelled',
  )
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveText(
    'Storm keeps boats in port.',
  )
  await expect(
    page.getByRole('list', { name: 'Byline' }).getByRole('textbox', { name: 'Name' }),
  ).toHaveValue('Ana Lee')
  await expect(page.getByRole('textbox', { name: 'Body' }).locator('strong')).toHaveText('Friday')
  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  expect(listed.articles).toHaveLength(1)
})

import type { Page } from '@playwright/test'
import { importFiles } from './actions'
import { expect, test } from './fixtures'
import { makeImage } from '../electron/services/testing/test-images'

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
  await importFiles(page, [
    { name: 'ferry.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) },
    { name: 'wire.json', mimeType: 'application/json', buffer: Buffer.from('{"uri": ') },
  ])
  const results = page.getByRole('region', { name: 'Import results' })
  // The host's first import starts its reader thread: slow on a busy machine (see below).
  await expect(results.getByRole('status')).toContainText('Imported “Ferry sailings cancelled”.', {
    timeout: 30_000,
  })
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

/**
 * A host's first picture loads its image library (sharp) before the picture is read: on a busy
 * machine (two full suites at once) that took more than ten seconds.
 */
const FIRST_PICTURE_MS = 30_000

/** Imports a wire item whose picture is only on the web, and gives its waiting figure. */
async function importWireWithWebPicture(page: Page) {
  const item = {
    uri: 'urn:newsml:example.com:2026:bridge',
    type: 'text',
    headlines: [{ role: 'main', value: 'Bridge closes' }],
    by: 'Ana Lee',
    bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>The bridge shut.</p>' }],
    associations: [
      {
        uri: 'urn:example:picture',
        type: 'picture',
        by: 'Jo Smith/Herald',
        descriptions: [
          { role: 'caption', value: 'The bridge at dawn.' },
          { role: 'alt-text', value: 'A steel bridge in fog' },
        ],
        renditions: [{ name: 'original', href: 'https://cdn.example.com/bridge.jpg' }],
      },
    ],
  }
  await importFiles(page, [
    { name: 'wire.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(item)) },
  ])
  // A host's first import starts its reader thread, and the story opens after it: on a busy
  // machine that took more than ten seconds (two full suites at once).
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Bridge closes', {
    timeout: 30_000,
  })
  return page.getByRole('group', { name: 'Picture not downloaded' })
}

test('a wire picture that is only on the web waits in its figure for the file', async ({ app }) => {
  const { page } = app
  const waiting = await importWireWithWebPicture(page)
  await expect(waiting).toContainText('https://cdn.example.com/bridge.jpg')
  await expect(page.getByRole('textbox', { name: 'Caption' })).toHaveText('The bridge at dawn.')
  await expect(page.getByRole('textbox', { name: 'Alt text' })).toHaveValue('A steel bridge in fog')

  const picture = page.waitForEvent('filechooser')
  await waiting.getByRole('button', { name: 'Choose picture…' }).click()
  await (
    await picture
  ).setFiles({
    name: 'bridge.png',
    mimeType: 'image/png',
    buffer: await makeImage('png', '#335577'),
  })
  const figure = page.getByRole('textbox', { name: 'Body' }).locator('figure')
  await expect(figure.getByRole('img', { name: 'A steel bridge in fog' })).toBeVisible({
    timeout: FIRST_PICTURE_MS,
  })
  await expect(waiting).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Credit' })).toHaveValue('Jo Smith/Herald')
  // Saved with the picture in the article's own folder, as any other figure.
  const listed = JSON.parse((await app.cli('list', '--json')).stdout) as {
    articles: { id: string }[]
  }
  const id = listed.articles[0]?.id ?? ''
  await expect
    .poll(async () => (await app.cli('show', id, '--json')).stdout, { timeout: 20_000 })
    .toMatch(/"src":\s*"assets\/[0-9a-f]+\.png"/)
})

test('a picture file dropped on a waiting figure fills that figure', async ({ app }) => {
  const { page } = app
  const waiting = await importWireWithWebPicture(page)
  await expect(waiting).toBeVisible()
  const bytes = [...(await makeImage('png', '#775533'))]
  await waiting.evaluate((element, data) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(data)], 'bridge.png', { type: 'image/png' }))
    const { left, top, width, height } = element.getBoundingClientRect()
    const at = { clientX: left + width / 2, clientY: top + height / 2 }
    element.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }),
    )
  }, bytes)
  const body = page.getByRole('textbox', { name: 'Body' })
  await expect(body.getByRole('img', { name: 'A steel bridge in fog' })).toBeVisible({
    timeout: FIRST_PICTURE_MS,
  })
  await expect(waiting).toHaveCount(0)
  await expect(body.locator('figure')).toHaveCount(1)
})

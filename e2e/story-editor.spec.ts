import type { Page } from '@playwright/test'
import { jpegWithIptc, makeImage } from '../electron/services/testing/test-images'
import { expect, test } from './fixtures'

const status = (page: Page) => page.getByRole('status', { name: 'Save status' })

/** Drops files on the body the way a browser does when images are dragged in from the desktop. */
async function dropImage(page: Page, name: string, bytes: Buffer, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ data, fileName, mimeType }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: mimeType }))
      return transfer
    },
    { data: [...bytes], fileName: name, mimeType: type },
  )
  // ProseMirror places a drop where the pointer is, so the event needs coordinates inside the body.
  const body = page.getByRole('textbox', { name: 'Body' })
  const box = await body.boundingBox()
  if (!box) throw new Error('the body is not visible')
  await body.dispatchEvent('drop', {
    dataTransfer,
    clientX: box.x + 20,
    clientY: box.y + box.height - 10,
  })
}

async function chooseImage(page: Page, name: string, bytes: Buffer, type: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Insert image' }).click()
  await (await chooser).setFiles({ name, mimeType: type, buffer: bytes })
}

test('every field, images by file chooser and by drop, all back after a reload', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()

  await page.getByRole('textbox', { name: 'Headline' }).fill('Storm cuts power to 4000 homes')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toBeFocused()
  await page.keyboard.type('Crews expect to restore supply by Friday.')
  const byline = page.getByRole('list', { name: 'Byline' })
  await byline.getByRole('textbox', { name: 'Name' }).fill('Ana Lee')
  await byline.getByRole('combobox', { name: 'Role' }).fill('Reporter')
  const metadata = page.getByRole('complementary', { name: 'Metadata' })
  await metadata.getByRole('textbox', { name: 'Section' }).fill('Local')
  await metadata.getByRole('textbox', { name: 'Keywords' }).fill('weather, power')
  await metadata.getByRole('textbox', { name: 'Dateline' }).fill('NAPIER')
  await metadata.getByRole('combobox', { name: 'Status' }).selectOption('filed')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('Lines came down across the region overnight.')

  await chooseImage(page, 'lines.png', await makeImage('png', '#aa3311'), 'image/png')
  await expect(page.locator('figure img')).toHaveCount(1)
  await page.getByRole('textbox', { name: 'Caption' }).click()
  await page.keyboard.type('Linesmen at work on Tuesday.')
  await page.getByRole('textbox', { name: 'Credit' }).fill('Jo Smith/Herald')
  await page
    .getByRole('textbox', { name: 'Alt text' })
    .fill('Two linesmen in a cherry picker beside a fallen pole.')

  const wire = await jpegWithIptc({
    caption: 'Flooding on the expressway.',
    credit: 'Agency',
    byline: 'Sam Roe',
  })
  await dropImage(page, 'wire.jpg', wire, 'image/jpeg')
  await expect(page.locator('figure img')).toHaveCount(2)
  const captions = page.getByRole('textbox', { name: 'Caption' })
  await expect(captions.nth(1)).toHaveText('Flooding on the expressway.')
  await expect(page.getByRole('textbox', { name: 'Credit' }).nth(1)).toHaveValue('Sam Roe/Agency')
  await expect(page.getByRole('textbox', { name: 'Alt text' }).nth(1)).toHaveValue('')

  await expect(status(page)).toHaveText(/^Saved \d{1,2}:\d\d/, { timeout: 15_000 })

  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Storm cuts power/ })
    .click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Storm cuts power to 4000 homes',
  )
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveText(
    'Crews expect to restore supply by Friday.',
  )
  await expect(byline.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana Lee')
  await expect(byline.getByRole('combobox', { name: 'Role' })).toHaveValue('Reporter')
  await expect(metadata.getByRole('textbox', { name: 'Section' })).toHaveValue('Local')
  await expect(metadata.getByRole('textbox', { name: 'Keywords' })).toHaveValue('weather, power')
  await expect(metadata.getByRole('textbox', { name: 'Dateline' })).toHaveValue('NAPIER')
  await expect(metadata.getByRole('combobox', { name: 'Status' })).toHaveValue('filed')
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText(
    'Lines came down across the region overnight.',
  )
  await expect(captions).toHaveText(['Linesmen at work on Tuesday.', 'Flooding on the expressway.'])
  await expect(page.getByRole('textbox', { name: 'Credit' }).nth(0)).toHaveValue('Jo Smith/Herald')
  await expect(page.getByRole('textbox', { name: 'Alt text' }).nth(0)).toHaveValue(
    'Two linesmen in a cherry picker beside a fallen pole.',
  )
  const loaded = await page
    .locator('figure img')
    .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))
  expect(loaded).toEqual([64, 64])
})

test('a corrupt or unsupported image is refused with its reason and nothing is inserted', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const jpeg = await makeImage('jpeg')
  await chooseImage(page, 'broken.jpg', jpeg.subarray(0, jpeg.length - 20), 'image/jpeg')
  await expect(page.getByRole('alert')).toHaveText(
    /^broken\.jpg is damaged and cannot be read .* Nothing was inserted\.$/,
  )
  await dropImage(page, 'scan.tiff', await makeImage('tiff'), 'image/tiff')
  await expect(page.getByRole('alert')).toHaveText(
    /^scan\.tiff is a TIFF image; use JPEG, PNG, WebP or GIF\. Nothing was inserted\.$/,
  )
  await expect(page.locator('figure')).toHaveCount(0)
})

test('an over-limit headline is flagged, not blocked, and saved', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const long = 'Council votes to keep the harbour ferry running through the winter despite the cost'
  await page.getByRole('textbox', { name: 'Headline' }).fill(long)
  await expect(
    page.getByText(`${long.length}/70 characters: ${long.length - 70} over the limit`),
  ).toBeVisible()
  await expect(status(page)).toHaveText(/^Saved /, { timeout: 15_000 })
  const shown = JSON.parse((await app.cli('list', '--json')).stdout)
  expect(shown.articles[0].headline).toBe(long)
})

test('paragraphs typed without a pause keep every letter where it was typed', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  // Each paragraph's first key arrives within the frame that Enter made the paragraph in, as a
  // fast typist's does. With one paragraph a run missed it four times in ten ("econdS"), so ten
  // paragraphs leave it almost no room to pass by chance.
  const paragraphs = Array.from(
    { length: 10 },
    (_, index) => `Paragraph ${index + 1} of the story.`,
  )
  await page.keyboard.type(paragraphs.join('\n'))
  await expect(body.getByRole('paragraph')).toHaveText(paragraphs)
})

test('a new article starts with the cursor in its headline, even from another open story', async ({
  app,
}) => {
  const { page } = app
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await page.getByRole('button', { name: 'New article' }).click()
  await expect(headline).toBeFocused()
  await page.keyboard.type('Harbour plan approved')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('The council voted on Monday.')

  await page.getByRole('button', { name: 'New article' }).click()
  await expect(headline).toHaveText('')
  await expect(headline).toBeFocused()
  await page.keyboard.type('Second story')
  await expect(headline).toHaveText('Second story')
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByText('Harbour plan approved'),
  ).toBeVisible()
})

test('the body’s Undo and Redo buttons are offered only when there is something to undo or redo', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const body = page.getByRole('textbox', { name: 'Body' })
  const undo = page.getByRole('button', { name: 'Undo' })
  const redo = page.getByRole('button', { name: 'Redo' })
  await expect(undo).toBeDisabled()
  await expect(redo).toBeDisabled()

  await body.click()
  await page.keyboard.type('Flood warning lifted.')
  await expect(undo).toBeEnabled()
  await expect(redo).toBeDisabled()

  await undo.click()
  await expect(body).toHaveText('')
  await expect(undo).toBeDisabled()
  await expect(redo).toBeEnabled()
  await redo.click()
  await expect(body).toHaveText('Flood warning lifted.')
  await expect(redo).toBeDisabled()
})

test('Ctrl+K (⌘K) in the body opens the link form for the selected words', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Read the full report')
  for (let letter = 0; letter < 'report'.length; letter++)
    await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('ControlOrMeta+k')
  const address = page.getByRole('textbox', { name: 'Link address' })
  await expect(address).toBeFocused()
  await address.fill('example.com/report')
  await page.keyboard.press('Enter')
  await expect(body.getByRole('link', { name: 'report' })).toHaveAttribute(
    'href',
    'https://example.com/report',
  )
  await expect(body).toBeFocused()
})

test('pasting 1 MB of text: the editor stays usable and the text is saved', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Long read')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  const pasted = await page.evaluate(() => {
    const sentence =
      'The inquiry heard evidence from harbour staff, engineers and passengers over three weeks. '
    const text = Array.from(
      { length: 2_000 },
      (_, i) => `Paragraph ${i + 1}. ${sentence.repeat(6)}`,
    ).join('\n\n')
    const transfer = new DataTransfer()
    transfer.setData('text/plain', text)
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
    return text.length
  })
  expect(pasted).toBeGreaterThan(1_000_000)
  // Over 200,000 characters: the app asks first.
  await page
    .getByRole('dialog', { name: 'Large paste' })
    .getByRole('button', { name: 'Paste anyway' })
    .click()
  await page.keyboard.type(' The end.')
  await expect(body).toContainText('Paragraph 2000.')
  await expect(page.getByRole('complementary', { name: 'Metadata' })).toContainText(
    /Words\s*160,002/,
  )
  await expect(status(page)).toHaveText(/^Saved /, { timeout: 20_000 })

  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  const shown = JSON.parse((await app.cli('show', listed.articles[0].id, '--json')).stdout)
  const text = JSON.stringify(shown.body)
  expect(text).toContain('Paragraph 2000.')
  expect(text).toContain('The end.')
})

test('a figure whose image file is missing shows a placeholder and the article still opens', async ({
  app,
}) => {
  const { page } = app
  await app.otherDesk.create({
    headline: 'Photo gone',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Text before.' }] },
        {
          type: 'figure',
          attrs: { src: 'assets/deleted-photo.jpg', alt: '', credit: 'AP' },
          content: [{ type: 'text', text: 'Gone' }],
        },
      ],
    },
  })
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Photo gone/ })
    .click()
  await expect(
    page.getByRole('img', { name: 'Missing image: assets/deleted-photo.jpg' }),
  ).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Caption' })).toHaveText('Gone')
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('Text before.')
})

test('first run offers a sample article with a figure, caption and credit', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Open a sample article' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Harbour ferry back in service after storm repairs',
  )
  await expect(page.getByRole('textbox', { name: 'Credit' })).toHaveValue('Illustration: Copydesk')
  await expect(page.getByRole('textbox', { name: 'Caption' })).toContainText(
    'first crossing since the storm',
  )
  // The picture is there once it has loaded: a busy machine may take a moment.
  const picture = page.locator('figure img')
  await expect
    .poll(() => picture.evaluate((image) => (image as HTMLImageElement).naturalWidth))
    .toBe(1200)
})

test('library filter, quick switcher and the shortcuts overlay', async ({ app }) => {
  const { page } = app
  await app.cli('new', '--headline', 'Rates rise again')
  await app.cli('new', '--headline', 'Ferry timetable changes')
  await page.reload()
  const library = page.getByRole('navigation', { name: 'Library' })
  const articles = library.getByRole('list', { name: 'Articles' })
  const results = library.getByRole('list', { name: 'Search results' })
  await library.getByRole('searchbox', { name: 'Search articles' }).fill('ferry')
  await expect(results.getByRole('button')).toHaveText([/Ferry timetable changes/])
  await library.getByRole('searchbox', { name: 'Search articles' }).fill('')
  await library.getByRole('combobox', { name: 'Filter by status' }).selectOption('filed')
  await expect(results.getByRole('button')).toHaveCount(0)
  await library.getByRole('combobox', { name: 'Filter by status' }).selectOption('')
  await expect(articles.getByRole('button')).toHaveCount(2)

  await page.keyboard.press('ControlOrMeta+p')
  const switcher = page.getByRole('dialog', { name: 'Quick switcher' })
  await switcher.getByRole('combobox', { name: 'Jump to article' }).fill('rates')
  await page.keyboard.press('Enter')
  await expect(switcher).toBeHidden()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Rates rise again')

  await page.keyboard.press('F1')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toContainText('Move to the next field')
  await expect(help.getByRole('row', { name: 'Ctrl+K Link…' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
})

test('settings: the display name starts new bylines, and the headline limit is the one set', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByRole('textbox', { name: /Your name/ }).fill('Mere Tane')
  await dialog.getByRole('spinbutton', { name: /Headline limit/ }).fill('20')
  await dialog
    .getByRole('textbox', { name: /Newsroom dictionary/ })
    .fill('Ngaio Marsh\nTe Whatu Ora')
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(dialog.getByRole('textbox', { name: /Newsroom dictionary/ })).toHaveValue(
    'Ngaio Marsh\nTe Whatu Ora',
  )
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'New article' }).click()
  await expect(
    page.getByRole('list', { name: 'Byline' }).getByRole('textbox', { name: 'Name' }),
  ).toHaveValue('Mere Tane')
  await page.getByRole('textbox', { name: 'Headline' }).fill('Twenty-five characters!!')
  await expect(page.getByText('24/20 characters: 4 over the limit')).toBeVisible()
})

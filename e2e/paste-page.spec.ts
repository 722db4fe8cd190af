import { expect, test } from './fixtures'

const sentence = (topic: string) =>
  `The council met on Tuesday to talk about ${topic}, and residents, engineers and the ferry operator each had a great deal to say about the timetable.`

/** What Select All and Copy gives on a news page: menus, the story, then the rest. */
const COPIED_PAGE = [
  'Skip to main content',
  'The Herald',
  'News',
  'Sport',
  'Business',
  'Opinion',
  'Subscribe',
  'Sign in',
  'Transport',
  'Harbour bridge to close for three months of repairs',
  'Ferries will run every 20 minutes while the bridge is shut, the council said.',
  'By Ana Lee, Transport Correspondent',
  'April 5, 2026 | 6:00 PM',
  'Share',
  '',
  sentence('the bridge'),
  '',
  sentence('the ferries'),
  'The bridge at dawn. Photo: Jo Smith/Herald',
  '',
  'Comments',
  'First! Best story I have read all week and I will tell all my friends about it.',
].join('\n')

test('a page copied from a browser, pasted into a new story, fills each field', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await expect(headline).toBeFocused()
  // What a browser puts on the clipboard; a paste event carries it into the focused field.
  await headline.evaluate((element, text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, COPIED_PAGE)

  await expect(headline).toHaveText('Harbour bridge to close for three months of repairs')
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveText(
    'Ferries will run every 20 minutes while the bridge is shut, the council said.',
  )
  const byline = page.getByRole('list', { name: 'Byline' })
  await expect(byline.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana Lee')
  const body = page.getByRole('textbox', { name: 'Body' })
  // A figure at the end is followed by an empty paragraph to type in.
  await expect(body.locator(':scope > p', { hasText: /\S/ })).toHaveText([
    sentence('the bridge'),
    sentence('the ferries'),
  ])
  await expect(body).not.toContainText(/Skip to main content|Subscribe|First!/)
  // The page's picture: a figure with its caption and credit, waiting for the file.
  await expect(body.getByRole('group', { name: 'Picture not included' })).toBeVisible()
  await expect(body.locator('figure figcaption')).toContainText('The bridge at dawn')
  await expect(body.getByRole('textbox', { name: 'Credit' })).toHaveValue('Jo Smith/Herald')
})

test('with the page’s HTML on the clipboard, the story keeps its lists and its picture’s address', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await expect(headline).toBeFocused()
  const changes = [
    'Ferries every 20 minutes',
    'Buses from the north shore',
    'Cyclists by the old road',
  ]
  const text = [
    ...COPIED_PAGE.split('\n').slice(0, 16),
    ...changes,
    '',
    sentence('the ferries'),
    '',
    'Comments',
  ].join('\n')
  const html = `<html><body><!--StartFragment--><nav><a href="/">The Herald</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <article><h1>Harbour bridge to close for three months of repairs</h1>
    <p class="byline">By Ana Lee</p><p>${sentence('the bridge')}</p>
    <ul>${changes.map((change) => `<li>${change}</li>`).join('')}</ul>
    <p>${sentence('the ferries')}</p>
    <figure><img src="https://pictures.example/bridge.jpg" alt="The bridge at dawn"><figcaption>The bridge at dawn. Photo: Jo Smith/Herald</figcaption></figure>
    </article><section><h2>Comments</h2><p>First!</p></section><!--EndFragment--></body></html>`
  await headline.evaluate(
    (element, { text, html }) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      data.setData('text/html', html)
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    },
    { text, html },
  )

  await expect(headline).toHaveText('Harbour bridge to close for three months of repairs')
  const byline = page.getByRole('list', { name: 'Byline' })
  await expect(byline.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana Lee')
  const body = page.getByRole('textbox', { name: 'Body' })
  // Read from the text alone, these short lines would be subheadings.
  await expect(body.getByRole('listitem')).toHaveText(changes)
  await expect(body).not.toContainText(/The Herald|First!/)
  // A picture on the web: its figure names where it is, and waits for the file.
  await expect(body.getByRole('group', { name: 'Picture not downloaded' })).toContainText(
    'https://pictures.example/bridge.jpg',
  )
  await expect(body.getByRole('textbox', { name: 'Credit' })).toHaveValue('Jo Smith/Herald')
  await expect(body.getByRole('textbox', { name: 'Alt text' })).toHaveValue('The bridge at dawn')
})

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

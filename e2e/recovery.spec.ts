import { expect, test } from './fixtures'

test('after a SIGKILL mid-edit, the recovery offer brings back the typed text', async ({ app }) => {
  await app.page.getByRole('button', { name: 'New article' }).click()
  await app.page.getByRole('textbox', { name: 'Headline' }).fill('Night shift')
  await app.page.keyboard.press('ControlOrMeta+s')
  await expect(app.page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  // Typing that never pauses long enough for an autosave: only the journal holds it. The journal
  // is written at most every 2 s, so the typing goes on well past that after the phrase checked
  // below; only the last two seconds before a crash may be missing.
  await app.page.getByRole('textbox', { name: 'Body' }).click()
  await app.page.keyboard.type('The late edition went to press', { delay: 60 })
  await app.page.keyboard.type(
    ' at 2am with the fire story, the first in a decade without a night editor.',
    {
      delay: 60,
    },
  )
  await expect(app.page.getByRole('status', { name: 'Save status' })).toHaveText(/Unsaved/)
  await app.crash()

  const offer = app.page.getByRole('dialog', { name: 'Recover unsaved work' })
  await expect(offer).toBeVisible()
  const item = offer.getByRole('listitem', { name: 'Night shift' })
  await expect(item.getByRole('blockquote', { name: 'Text to restore' })).toContainText(
    'The late edition went to press',
  )
  await item.getByRole('button', { name: 'Restore' }).click()
  await expect(offer).toBeHidden()
  await expect(app.page.getByRole('textbox', { name: 'Body' })).toContainText(
    'The late edition went to press',
  )
  await expect(app.page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  // Saved now: a clean restart offers nothing.
  await app.page.reload()
  await expect(app.page.getByRole('button', { name: 'New article' })).toBeVisible()
  await expect(app.page.getByRole('dialog', { name: 'Recover unsaved work' })).toHaveCount(0)
})

test('unsaved work is offered first thing at start, truthfully worded, and never over a story begun since', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Late copy')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
  // Two paragraphs, then typing that never pauses for an autosave: only the journal has them.
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('First paragraph.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Second paragraph, and then some more words', { delay: 60 })
  await app.crash()

  const offer = app.page.getByRole('dialog', { name: 'Recover unsaved work' })
  await expect(offer).toContainText(
    'Copydesk found edits that were not saved — the app or its tab closed before they were written.',
  )
  await expect(offer).not.toContainText('did not close cleanly')
  const text = offer
    .getByRole('listitem', { name: 'Late copy' })
    .getByRole('blockquote', { name: 'Text to restore' })
  // A paragraph a line, not run together.
  await expect(text.getByRole('paragraph').nth(0)).toHaveText('First paragraph.')
  await expect(text.getByRole('paragraph').nth(1)).toContainText('Second paragraph')
  // Put off, it waits in a notice, out of the way.
  await offer.getByRole('button', { name: 'Decide later' }).click()
  await expect(offer).toBeHidden()
  const notice = app.page.getByRole('status', { name: 'Unsaved work from earlier' })
  await expect(notice).toContainText('Unsaved work from earlier can be recovered.')

  // At the next start the offers are the page's first question, before the library's.
  const asked: string[] = []
  app.page.on('request', (request) => {
    const channel = /\/api\/invoke\/([a-z:-]+)/.exec(request.url())?.[1]
    if (channel) asked.push(channel)
  })
  // What the page asked before the reload (a list refreshed a moment earlier) is not its start.
  app.page.on('framenavigated', (frame) => {
    if (frame === app.page.mainFrame()) asked.length = 0
  })
  // And when they are slow to come, and the person starts a story meanwhile, the offer waits
  // in the notice rather than coming up over what they are typing.
  let answer = () => {}
  const held = new Promise<void>((resolve) => (answer = resolve))
  await app.page.route('**/api/invoke/recovery:list', async (route) => {
    await held
    await route.continue()
  })
  await app.page.reload()
  await app.page.getByRole('button', { name: 'New article' }).click()
  await expect(app.page.getByRole('textbox', { name: 'Headline' })).toBeFocused()
  await app.page.keyboard.type('Breaking')
  answer()
  await expect(notice).toBeVisible()
  expect(asked[0]).toBe('recovery:list')
  await expect(offer).toHaveCount(0)
  await expect(app.page.getByRole('textbox', { name: 'Headline' })).toHaveText('Breaking')

  // The notice opens the dialog when the person asks for it.
  await notice.getByRole('button', { name: 'Review unsaved work' }).click()
  await expect(offer).toBeVisible()
  // The story typed since this start is being written, not lost: it is not offered back.
  await expect(offer.getByRole('listitem')).toHaveCount(1)
  await offer
    .getByRole('listitem', { name: 'Late copy' })
    .getByRole('button', { name: 'Discard' })
    .click()
  await expect(offer).toBeHidden()
  await expect(notice).toHaveCount(0)
})

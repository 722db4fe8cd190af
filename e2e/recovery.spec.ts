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

import { fieldsOf } from '../shared/article'
import { expect, test } from './fixtures'

test('changes on disk by another desk: the list and an untouched open article follow; unsaved edits get the choice', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await headline.fill('Mine')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
  const [summary] = JSON.parse((await app.cli('list', '--json')).stdout).articles
  const open = async () => {
    const opened = await app.otherDesk.open(summary.id)
    if (!opened.ok) throw new Error(opened.error.message)
    return opened.value
  }

  // A new article from elsewhere shows in the library without a reload.
  await app.otherDesk.create({ headline: 'Filed from the bureau' })
  await expect(
    page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Filed from the bureau/ }),
  ).toBeVisible()

  // Nothing unsaved here: the other desk's save simply replaces the text.
  let theirs = await open()
  await app.otherDesk.save(summary.id, theirs.revision, { ...fieldsOf(theirs), headline: 'Theirs' })
  await expect(headline).toHaveText('Theirs')
  await expect(page.getByRole('alertdialog')).toBeHidden()

  // Typing not yet saved here: the other desk's save brings the conflict choice, losing nothing.
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('My unsaved paragraph.')
  theirs = await open()
  await app.otherDesk.save(summary.id, theirs.revision, {
    ...fieldsOf(theirs),
    headline: 'Theirs again',
  })
  const choice = page.getByRole('alertdialog')
  await expect(choice).toContainText('Someone else saved this article')
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('My unsaved paragraph.')
  await choice.getByRole('button', { name: 'Keep mine as a copy' }).click()
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('My unsaved paragraph.')
})

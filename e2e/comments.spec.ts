import { expect, test } from './fixtures'

test('comment on the body: anchored, replied, resolved and reopened, kept in the file, absent from every export', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Minister denies leak')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('The minister denied the leak on Monday.')
  // Select the word "denied", as a person would with the mouse.
  await page.evaluate(() => {
    const node = document.querySelector('.body-editor p')?.firstChild
    if (!node) throw new Error('no text')
    const start = (node.textContent ?? '').indexOf('denied')
    const range = document.createRange()
    range.setStart(node, start)
    range.setEnd(node, start + 'denied'.length)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
  })
  await page.getByRole('button', { name: 'Add comment' }).click()
  const comments = page.getByRole('region', { name: 'Comments' })
  await comments
    .getByRole('textbox', { name: 'New comment' })
    .fill('SECRET-NOTE: check this with the lawyers')
  await comments.getByRole('button', { name: 'Post comment' }).click()
  const thread = comments.getByRole('listitem').first()
  await expect(thread).toContainText('denied')
  await expect(thread).toContainText('SECRET-NOTE: check this with the lawyers')

  await thread.getByRole('textbox', { name: 'Reply' }).fill('SECRET-REPLY: lawyers say fine')
  await thread.getByRole('button', { name: 'Send reply' }).click()
  await expect(thread).toContainText('SECRET-REPLY: lawyers say fine')
  // The reply says when, as the thread does.
  await expect(thread.getByRole('time')).toHaveCount(2)
  await thread.getByRole('button', { name: 'Resolve' }).click()
  await expect(thread).toContainText(/Resolved by/)
  await thread.getByRole('button', { name: 'Reopen' }).click()
  await expect(thread.getByRole('button', { name: 'Resolve' })).toBeVisible()

  // The anchor follows the text as it is edited.
  await body
    .locator('p')
    .first()
    .click({ position: { x: 1, y: 8 } })
  await page.keyboard.type('Yesterday: ')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Minister denies leak/ })
    .click()
  const reopened = page.getByRole('region', { name: 'Comments' }).getByRole('listitem').first()
  await expect(reopened).toContainText('denied')
  await expect(reopened).toContainText('SECRET-REPLY')

  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  const id = listed.articles[0].id
  const stored = JSON.parse((await app.cli('show', id, '--json')).stdout)
  expect(stored.comments).toHaveLength(1)
  for (const format of ['html', 'md', 'txt']) {
    const exported = await app.cli('export', id, '--format', format, '--out', '-')
    expect(exported.stdout).toContain('Yesterday: The minister denied the leak on Monday.')
    expect(exported.stdout).not.toMatch(/SECRET|lawyers|data-comment/)
  }
})

import { ArticleFieldsSchema } from '../shared/article'
import { expect, test } from './fixtures'

const HEADLINE = 'Ferry sailings cancelled as storm nears'
const STANDFIRST = 'Cook Strait crossings are off until Thursday.'
const BODY = 'Interislander and Bluebridge cancelled all sailings on Tuesday.'

test('create, fill, save, reload, reopen: the story is intact, and the CLI exports the same text', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()

  await page.getByRole('textbox', { name: 'Headline' }).fill(HEADLINE)
  await page.getByRole('textbox', { name: 'Standfirst' }).fill(STANDFIRST)
  const byline = page.getByRole('list', { name: 'Byline' })
  await byline.getByRole('textbox', { name: 'Name' }).fill('Ana Lee')
  await page.getByRole('button', { name: 'Add byline' }).click()
  await byline.getByRole('textbox', { name: 'Name' }).nth(1).fill('Sam Roe')
  await byline.getByRole('combobox', { name: 'Role' }).nth(1).fill('Additional reporting')
  await page.getByRole('textbox', { name: 'Dateline' }).fill('WELLINGTON')
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('filed')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type(BODY)
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Unsaved changes')

  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved \d{1,2}:\d\d/)

  await page.reload()
  const library = page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('button', { name: new RegExp(HEADLINE) }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(HEADLINE)
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveText(STANDFIRST)
  await expect(byline.getByRole('textbox', { name: 'Name' }).nth(0)).toHaveValue('Ana Lee')
  await expect(byline.getByRole('textbox', { name: 'Name' }).nth(1)).toHaveValue('Sam Roe')
  await expect(page.getByRole('textbox', { name: 'Dateline' })).toHaveValue('WELLINGTON')
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('filed')
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText(BODY)

  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  const id: string = listed.articles[0].id
  const exported = await app.cli('export', id, '--format', 'txt', '--out', '-')
  expect(exported.code).toBe(0)
  expect(exported.stdout).toBe(
    [
      HEADLINE,
      STANDFIRST,
      'By Ana Lee and Sam Roe (Additional reporting)',
      'WELLINGTON',
      BODY,
    ].join('\n\n') + '\n',
  )
})

test('a save that would overwrite someone else’s change is refused; the reporter keeps theirs as a copy', async ({
  app,
}) => {
  const { page } = app
  const created = JSON.parse((await app.cli('new', '--headline', 'Council meets', '--json')).stdout)
  await page.reload()
  const library = page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('button', { name: /Council meets/ }).click()

  const headline = page.getByRole('textbox', { name: 'Headline' })
  await headline.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' tonight')
  // Another desk saves while this edit is not yet saved.
  const fields = ArticleFieldsSchema.parse(created)
  await app.otherDesk.save(created.id, 1, { ...fields, headline: 'Council meets (desk)' })
  await page.keyboard.press('ControlOrMeta+s')
  // Seen on disk first, or refused at the save: either way nothing is overwritten.
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
    /^Save failed: (This article was changed elsewhere: revision 2 is on disk|Someone else saved this article \(revision 2\))/,
  )
  await expect(headline).toHaveText('Council meets tonight')

  const choice = page.getByRole('alertdialog', { name: 'Changed elsewhere' })
  await choice.getByRole('button', { name: 'Keep mine as a copy' }).click()
  await expect(choice).toBeHidden()
  await expect(headline).toHaveText('Council meets tonight')
  const articles = library.getByRole('list', { name: 'Articles' })
  await expect(articles.getByRole('button', { name: /Council meets tonight/ })).toBeVisible()
  await expect(articles.getByRole('button', { name: /Council meets \(desk\)/ })).toBeVisible()
})

test('after a conflict, loading theirs shows their version', async ({ app }) => {
  const { page } = app
  const created = JSON.parse((await app.cli('new', '--headline', 'Budget', '--json')).stdout)
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Budget/ })
    .click()
  await page.getByRole('textbox', { name: 'Standfirst' }).click()
  await page.keyboard.type('Mine')
  await app.otherDesk.save(created.id, 1, {
    ...ArticleFieldsSchema.parse(created),
    headline: 'Budget: desk version',
  })
  await page.keyboard.press('ControlOrMeta+s')
  await page
    .getByRole('alertdialog', { name: 'Changed elsewhere' })
    .getByRole('button', { name: 'Load theirs' })
    .click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('Budget: desk version')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('No changes')
})

test('move to trash and restore from the library', async ({ app }) => {
  const { page } = app
  await app.cli('new', '--headline', 'Budget leak')
  await page.reload()
  const library = page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('button', { name: /Budget leak/ }).click()
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await expect(
    library.getByRole('list', { name: 'Articles' }).getByRole('button', { name: /Budget leak/ }),
  ).toHaveCount(0)

  await library.getByText(/^Trash \(1\)$/).click()
  await library.getByRole('button', { name: 'Restore Budget leak' }).click()
  await expect(
    library.getByRole('list', { name: 'Articles' }).getByRole('button', { name: /Budget leak/ }),
  ).toBeVisible()
})

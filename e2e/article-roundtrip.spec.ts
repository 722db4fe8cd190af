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
  await page
    .getByRole('textbox', { name: 'Byline' })
    .fill('Ana Lee, Sam Roe (Additional reporting)')
  await page.getByRole('textbox', { name: 'Dateline' }).fill('WELLINGTON')
  await page.getByRole('combobox', { name: 'Status' }).selectOption('filed')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type(BODY)
  await expect(page.getByRole('status')).toHaveText('Unsaved changes')

  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status')).toHaveText(/^Saved .* \(revision 2\)$/)

  await page.reload()
  const library = page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('button', { name: new RegExp(HEADLINE) }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(HEADLINE)
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveValue(STANDFIRST)
  await expect(page.getByRole('textbox', { name: 'Byline' })).toHaveValue(
    'Ana Lee, Sam Roe (Additional reporting)',
  )
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('filed')
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

test('a save that would overwrite someone else’s change is refused and the text stays', async ({
  app,
}) => {
  test.skip(!app.api, 'needs a second client of the browser host’s API')
  const { page } = app
  const created = JSON.parse((await app.cli('new', '--headline', 'Council meets', '--json')).stdout)
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Council meets/ })
    .click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Council meets tonight')

  // Another desk saves first.
  const opened = (await app.api?.('article:open', { id: created.id })) as {
    value: { revision: number; headline: string }
  }
  const fields = ArticleFieldsSchema.parse(created)
  await app.api?.('article:save', {
    id: created.id,
    baseRevision: opened.value.revision,
    fields: { ...fields, headline: 'Council meets (desk)' },
  })

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText(
    /^Not saved: This article was changed elsewhere: revision 2 is on disk/,
  )
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Council meets tonight')
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

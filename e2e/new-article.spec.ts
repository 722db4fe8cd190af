import { expect, test, type CopydeskApp } from './fixtures'

test('keys typed right after New article go into the new story, never the one before', async ({
  app,
}) => {
  const { page } = app
  const { library, headline } = await openStoryBefore(app)
  await headline.click()
  // Typing starts the moment the button is pressed, before the new story is ready.
  await page.getByRole('button', { name: 'New article' }).click()
  await page.keyboard.type('Typed at once')
  await expect(headline).toHaveText('Typed at once')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /, {
    timeout: 15_000,
  })
  await expect(library.getByRole('button', { name: /The story before/ })).toBeVisible()

  // The same with Ctrl+N, from the body of the story just made.
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.press('ControlOrMeta+n')
  await page.keyboard.type('And again')
  await expect(headline).toHaveText('And again')
  await expect(library.getByRole('button', { name: /Typed at once/ })).toBeVisible()
  expect(await app.otherDesk.open(await idOf(app.cli, 'Typed at once'))).toMatchObject({
    ok: true,
    value: { headline: 'Typed at once' },
  })
})

test('text pasted or put in without keys while the new story is made goes into it too', async ({
  app,
}) => {
  const { page } = app
  const { library, headline } = await openStoryBefore(app)
  // Main is slow to make the story: the text arrives while the story before is still on screen.
  let answer = () => {}
  const held = new Promise<void>((resolve) => (answer = resolve))
  await page.route('**/api/invoke/article:create', async (route) => {
    await held
    await route.continue()
  })
  await page.getByRole('button', { name: 'New article' }).click()
  // `fill` puts its text in as dictation or an input method does, with no key pressed.
  await headline.fill('Ferry strike')
  await headline.evaluate((field) => {
    const clipboardData = new DataTransfer()
    clipboardData.setData('text/plain', ' called off')
    field.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true }))
  })
  answer()
  await expect(headline).toHaveText('Ferry strike called off')
  await expect(library.getByRole('button', { name: /Ferry strike called off/ })).toBeVisible()
  await expect(library.getByRole('button', { name: /The story before/ })).toBeVisible()
  expect(await app.otherDesk.open(await idOf(app.cli, 'The story before'))).toMatchObject({
    ok: true,
    value: { headline: 'The story before' },
  })
})

test('a new story left without a word typed is not kept', async ({ app }) => {
  const { page } = app
  await app.cli('new', '--headline', 'A real story')
  const library = page.getByRole('navigation', { name: 'Library' })
  await expect(library.getByRole('button', { name: /A real story/ })).toBeVisible()
  await page.getByRole('button', { name: 'New article' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toBeFocused()
  await expect(library.getByRole('button', { name: /Untitled/ })).toHaveCount(1)

  await library.getByRole('button', { name: /A real story/ }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText('A real story')
  await expect(library.getByRole('button', { name: /Untitled/ })).toHaveCount(0)
  const listed = await app.cli('list', '--json')
  expect((JSON.parse(listed.stdout) as { articles: unknown[] }).articles).toHaveLength(1)
})

/** A story made with the CLI, open in the app: the one a new story must leave alone. */
async function openStoryBefore(app: CopydeskApp) {
  await app.cli('new', '--headline', 'The story before')
  const library = app.page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('button', { name: /The story before/ }).click()
  const headline = app.page.getByRole('textbox', { name: 'Headline' })
  await expect(headline).toHaveText('The story before')
  return { library, headline }
}

async function idOf(cli: (...args: string[]) => Promise<{ stdout: string }>, headline: string) {
  const listed = JSON.parse((await cli('list', '--json')).stdout) as {
    articles: { id: string; headline: string }[]
  }
  const found = listed.articles.find((article) => article.headline === headline)
  if (!found) throw new Error(`${headline} is not in the library`)
  return found.id
}

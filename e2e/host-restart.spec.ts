import { expect, test } from './fixtures'

test('a tab left open while its host dies reconnects to the restarted host and saves what it holds', async ({
  app,
}) => {
  // Skipped in the Electron shell only: there the window is the app, with no host to restart.
  test.skip(
    process.env.COPYDESK_E2E_SHELL === 'electron',
    'the desktop app has no host apart from its window',
  )
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.keyboard.type('Bridge reopens')
  const status = page.getByRole('status', { name: 'Save status' })
  await expect(status).toHaveText(/^Saved /, { timeout: 15_000 })

  await app.restartHost()
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('Typed while the host was away.')
  // The first save finds no host and is retried; the restarted host has the same address and
  // token, so the retry goes through with no reload and nothing typed again.
  await expect(status).toHaveText(/^Saved /, { timeout: 30_000 })
  const listed = JSON.parse((await app.cli('list', '--json')).stdout) as {
    articles: { id: string }[]
  }
  const shown = JSON.parse(
    (await app.cli('show', listed.articles[0]?.id ?? '', '--json')).stdout,
  ) as { body: unknown }
  expect(JSON.stringify(shown.body)).toContain('Typed while the host was away.')
})

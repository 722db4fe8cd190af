import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createArticle, fieldsOf } from '../shared/article'
import { UNKNOWN_DESK_TOKEN } from '../shared/desk/desk-connection'
import { DeskStoryListSchema } from '../shared/desk/desk-story-list'
import { writeStory } from '../shared/desk/story-document'
import { connectTestClient, type DeskTestClient } from '../electron/services/desk/test-desk-client'
import { seriousViolations } from './axe'
import { addPerson, startDesk, type DeskProcess } from './desk-process'
import { expect, test } from './fixtures'

// Settings › Desk and the library's Desk section against a real desk server: `copydesk
// desk-server` as its own process, the person added with the CLI, a story put on the desk by a
// reporter's connection.

const STORY = '5e7a9c1b-3d5f-4b6d-8e0f-2a3b4c5d6e7f'

let dataDir: string
let desk: DeskProcess | undefined
let reporter: DeskTestClient | undefined

/** Waits until the desk lists the story: it does once it has stored it, after its last change. */
async function listedOnDesk(url: string, token: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await fetch(`${url.replace(/^ws:/, 'http:')}/stories`, {
          headers: { Authorization: `Bearer ${token}` },
        })
        return DeskStoryListSchema.parse(await response.json()).stories.map(({ id }) => id)
      },
      { timeout: 30_000 },
    )
    .toEqual([STORY])
}

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-desk-'))
})
test.afterEach(async () => {
  reporter?.destroy()
  reporter = undefined
  if (desk) {
    desk.child.kill('SIGTERM')
    await desk.exited
    desk = undefined
  }
  rmSync(dataDir, { recursive: true, force: true })
})

test('connecting to a desk in Settings lists its stories, and a bad token is named', async ({
  app,
}) => {
  const { page } = app
  desk = await startDesk(dataDir)
  const token = addPerson(dataDir, 'Ana Lee', 'reporter')
  reporter = connectTestClient(desk.url, STORY, token)
  await reporter.synced
  writeStory(
    reporter.doc,
    fieldsOf(createArticle({ headline: 'Night ferry cancelled by the storm' }, STORY, new Date())),
  )
  await listedOnDesk(desk.url, token)

  // No desk yet: no Desk section.
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Desk', exact: true })).toHaveCount(0)

  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const deskSettings = settings.getByRole('group', { name: 'Desk' })
  await expect(deskSettings.getByText('No desk token is kept on this computer.')).toBeVisible()
  await deskSettings.getByLabel('Desk server address').fill(desk.url)
  await deskSettings.getByLabel('Desk token', { exact: true }).fill(token)
  expect(await seriousViolations(page), 'Settings › Desk').toEqual([])
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings).toBeHidden()

  const deskSection = page.getByRole('region', { name: 'Desk', exact: true })
  const stories = deskSection.getByRole('list', { name: 'Desk stories' })
  const story = stories.getByRole('listitem')
  await expect(story).toHaveCount(1)
  await expect(story).toContainText('Night ferry cancelled by the storm')
  await expect(story).toContainText('draft')
  await expect(story).toContainText('by Ana Lee')
  await expect(story).toContainText('In it now: Ana Lee')
  // The row opens the story (desk-live.spec.ts follows it in).
  await expect(
    story.getByRole('button', { name: /^Night ferry cancelled by the storm/ }),
  ).toBeEnabled()
  expect(await seriousViolations(page), 'the Desk section').toEqual([])

  // The token stays in main, in a file only this person may read.
  const config = join(dirname(app.library), 'config')
  expect(readFileSync(join(config, 'settings.json'), 'utf8')).not.toContain(token)
  expect(readFileSync(join(config, 'desk-token'), 'utf8').trim()).toBe(token)
  if (process.platform !== 'win32')
    expect(statSync(join(config, 'desk-token')).mode & 0o777).toBe(0o600)

  // The library's search box filters the desk's stories too.
  const search = page.getByRole('searchbox', { name: 'Search articles' })
  await search.fill('zebra')
  await expect(deskSection.getByText('No story on the desk matches.')).toBeVisible()
  await expect(story).toHaveCount(0)
  await search.fill('ferr')
  await expect(story).toHaveCount(1)
  await expect(story.locator('mark')).toHaveText('ferry')
  await search.fill('')

  // Someone leaves the story; Refresh shows it.
  reporter.destroy()
  reporter = undefined
  await deskSection.getByRole('button', { name: 'Refresh the desk’s stories' }).click()
  await expect(story).not.toContainText('In it now')

  // A token the desk does not know: its words in place of the list.
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(deskSettings.getByText('A desk token is kept on this computer.')).toBeVisible()
  await deskSettings.getByLabel('New desk token (to replace the one kept)').fill('cdk_wrong')
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings).toBeHidden()
  await expect(deskSection.getByRole('alert')).toHaveText(UNKNOWN_DESK_TOKEN)
  await expect(stories).toHaveCount(0)

  // The right token again, then forgotten.
  await page.getByRole('button', { name: 'Settings' }).click()
  await deskSettings.getByLabel('New desk token (to replace the one kept)').fill(token)
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(story).toContainText('Night ferry cancelled by the storm')
  await page.getByRole('button', { name: 'Settings' }).click()
  await deskSettings.getByRole('button', { name: 'Forget desk token' }).click()
  await expect(deskSettings.getByText('The desk token was forgotten.')).toBeVisible()
  await settings.getByRole('button', { name: 'Cancel' }).click()
  await expect(deskSection.getByRole('alert')).toContainText('No desk token is set.')
})

test('an unreachable desk is named in place of the list', async ({ app }) => {
  const { page } = app
  desk = await startDesk(dataDir)
  const url = desk.url
  const token = addPerson(dataDir, 'Sam Roe', 'editor')
  desk.child.kill('SIGTERM')
  await desk.exited
  desk = undefined

  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByLabel('Desk server address').fill(url)
  await settings.getByLabel('Desk token', { exact: true }).fill(token)
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(
    page.getByRole('region', { name: 'Desk', exact: true }).getByRole('alert'),
  ).toHaveText(
    `The desk server at ${url} cannot be reached. Check that you are online and the address in Settings › Desk.`,
  )
})

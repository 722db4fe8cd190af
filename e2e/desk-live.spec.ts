import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ArticleSchema, type Article } from '../shared/article'
import { insertImage } from './actions'
import { addPerson, startDesk, type DeskProcess } from './desk-process'
import { expect, test, type CopydeskApp } from './fixtures'

// Two people, each with their own library and browser host, in one story through a real desk
// server (`copydesk desk-server` from out/): the reporter sends it to the desk, the editor opens
// it from the Desk section, and each sees the other's typing live.

let dataDir: string
let desk: DeskProcess | undefined

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-desk-live-'))
})
test.afterEach(async () => {
  if (desk) {
    desk.child.kill('SIGTERM')
    await desk.exited
    desk = undefined
  }
  rmSync(dataDir, { recursive: true, force: true })
})

async function connectToDesk(page: Page, address: string, token: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const deskSettings = settings.getByRole('group', { name: 'Desk' })
  await deskSettings.getByLabel('Desk server address').fill(address)
  await deskSettings.getByLabel('Desk token', { exact: true }).fill(token)
  await settings.getByRole('button', { name: 'Save settings' }).click()
  // Saved in three trips to main (settings, token, settings again): on a busy machine serving
  // two apps and a desk, more than the default wait.
  await expect(settings).toBeHidden({ timeout: 30_000 })
}

/** The library's one story, as main last wrote it from the shared document. */
function storyOnDisk(library: string) {
  const [folder, ...more] = readdirSync(library, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && !entry.name.startsWith('.'),
  )
  if (!folder || more.length > 0) throw new Error(`not one story in ${library}`)
  const file = join(library, folder.name, 'article.json')
  return ArticleSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
}

const oneParagraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

/** Waits until each library's file, written from the shared story, holds what is expected. */
async function filesSay(libraries: string[], expected: Partial<Article>): Promise<void> {
  for (const library of libraries)
    await expect
      .poll(
        () => {
          try {
            const story = storyOnDisk(library)
            return Object.fromEntries(
              Object.keys(expected).map((key) => [key, story[key as keyof Article]]),
            )
          } catch (error) {
            return String(error)
          }
        },
        { timeout: 30_000 },
      )
      .toEqual(expected)
}

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' })

test('a story sent to the desk is edited live by two people on two machines', async ({ app }) => {
  test.setTimeout(120_000)
  desk = await startDesk(dataDir)
  const reporter = app.page
  const editor = await storyOnBothMachines(app, desk.url)
  await expect(reporter.getByRole('button', { name: 'Send to desk' })).toHaveCount(0)
  await expect(saveStatus(editor.page)).toHaveText('Synced', { timeout: 30_000 })

  // Each types; each sees the other's words, once.
  const editorBody = editor.page.getByRole('textbox', { name: 'Body' })
  await editorBody.click()
  await editor.page.keyboard.press('End')
  await editor.page.keyboard.type(' Ferries will run every hour.')
  const reporterBody = reporter.getByRole('textbox', { name: 'Body' })
  const bothSentences = 'The bridge closes on Monday. Ferries will run every hour.'
  await expect(reporterBody).toHaveText(bothSentences, { timeout: 30_000 })
  await reporter.getByRole('textbox', { name: 'Headline' }).click()
  await reporter.keyboard.press('End')
  await reporter.keyboard.type(' for repairs')
  await expect(editor.page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Harbour bridge to close for repairs',
    { timeout: 30_000 },
  )
  // Her caret shows where she is, under the name the desk knows her by.
  await expect(
    editor.page.getByRole('textbox', { name: 'Headline' }).locator('[data-name="Ana Lee"]'),
  ).toBeVisible({ timeout: 30_000 })
  // A detail outside the texts travels too.
  await editor.page.getByRole('textbox', { name: 'Dateline' }).fill('HULL')
  await expect(reporter.getByRole('textbox', { name: 'Dateline' })).toHaveValue('HULL', {
    timeout: 30_000,
  })
  await filesSay([app.library, editor.library], {
    headline: 'Harbour bridge to close for repairs',
    dateline: 'HULL',
    body: oneParagraph(bothSentences),
  })

  // The library list follows the shared story.
  await expect(editor.page.getByRole('list', { name: 'Articles' })).toContainText(
    'Harbour bridge to close for repairs',
  )

  // A version restored on one machine is the text on both, the replaced text kept in History.
  const history = reporter.getByRole('region', { name: 'History' })
  await history.getByRole('textbox', { name: 'Version label' }).fill('both sentences')
  await history.getByRole('button', { name: 'Save version' }).click()
  await editorBody.click()
  await editor.page.keyboard.press('ControlOrMeta+a')
  await editor.page.keyboard.type('Cut to one line.')
  await expect(reporterBody).toHaveText('Cut to one line.', { timeout: 30_000 })
  await history.getByRole('button', { name: 'Restore both sentences', exact: true }).click()
  await expect(editorBody).toHaveText(bothSentences, { timeout: 30_000 })
  await expect(reporterBody).toHaveText(bothSentences)
  await expect(history.getByRole('list', { name: 'Versions' })).toContainText(
    'Before restoring both sentences',
  )
  await filesSay([app.library, editor.library], { body: oneParagraph(bothSentences) })

  // The desk, not the page, says who may move a story on: a reporter files, an editor subs.
  const reporterStatus = reporter.getByRole('combobox', { name: 'Status', exact: true })
  await reporterStatus.selectOption('filed')
  await expect(editor.page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue(
    'filed',
    {
      timeout: 30_000,
    },
  )
  await reporterStatus.selectOption('subbed')
  await expect(saveStatus(reporter)).toContainText('for an editor or a producer', {
    timeout: 30_000,
  })
  await expect(reporterStatus).toHaveValue('filed')
  await reporterBody.click()
  await reporter.keyboard.press('End')
  await reporter.keyboard.type(' Buses replace them at night.')
  await expect(editorBody).toHaveText(`${bothSentences} Buses replace them at night.`, {
    timeout: 30_000,
  })
  await expect(saveStatus(reporter)).toHaveText('Synced', { timeout: 30_000 })
  await editor.page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('subbed')
  await expect(reporterStatus).toHaveValue('subbed', { timeout: 30_000 })
  await editor.quit()
})

/** A new story written and sent to the desk, which confirms it has it. */
async function sendNewStory(page: Page) {
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Harbour bridge to close')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('The bridge closes on Monday.')
  await page.getByRole('button', { name: 'Send to desk' }).click()
  await expect(saveStatus(page)).toHaveText('Synced', { timeout: 30_000 })
}

/** The reporter's story on the desk, opened by the editor on his own machine. */
async function storyOnBothMachines(app: CopydeskApp, deskUrl: string) {
  const reporterToken = addPerson(dataDir, 'Ana Lee', 'reporter')
  const editorToken = addPerson(dataDir, 'Sam Roe', 'editor')
  await connectToDesk(app.page, deskUrl, reporterToken)
  await sendNewStory(app.page)
  const editor = await app.secondDesk('Sam Roe', { ownLibrary: true })
  await connectToDesk(editor.page, deskUrl, editorToken)
  const deskSection = editor.page.getByRole('region', { name: 'Desk', exact: true })
  await deskSection.getByRole('button', { name: /Harbour bridge to close/ }).click({
    timeout: 30_000,
  })
  await expect(editor.page.getByRole('textbox', { name: 'Body' })).toHaveText(
    'The bridge closes on Monday.',
    { timeout: 30_000 },
  )
  return editor
}

test('edits made apart while the desk is down, and across a crash, merge once it is back', async ({
  app,
}) => {
  test.setTimeout(180_000)
  desk = await startDesk(dataDir)
  const deskUrl = desk.url
  const editor = await storyOnBothMachines(app, deskUrl)

  desk.child.kill('SIGTERM')
  await desk.exited
  desk = undefined
  for (const page of [app.page, editor.page])
    await expect(saveStatus(page)).toHaveText('Offline: saved on this computer', {
      timeout: 30_000,
    })

  // Both write in the same paragraph, and each in a field of their own.
  const reporterBody = app.page.getByRole('textbox', { name: 'Body' })
  await reporterBody.click()
  await app.page.keyboard.press('End')
  await app.page.keyboard.type(' Ferries will run every hour.')
  await app.page.getByRole('textbox', { name: 'Headline' }).click()
  await app.page.keyboard.press('End')
  await app.page.keyboard.type(' for repairs')
  const editorBody = editor.page.getByRole('textbox', { name: 'Body' })
  // Clicked at the start of the line: ProseMirror takes a caret moved to the very start within
  // 200 ms of focusing for the browser's own reset, and undoes it; a person is never that quick.
  await editorBody.getByText('The bridge closes on Monday.').click({ position: { x: 1, y: 5 } })
  await editor.page.keyboard.type('Hull’s ')
  await editor.page.getByRole('textbox', { name: 'Section' }).fill('Transport')
  await expect(editorBody).toHaveText('Hull’s The bridge closes on Monday.')

  // The reporter's app dies while she is offline; what she typed is on her disk.
  await expect(reporterBody).toHaveText('The bridge closes on Monday. Ferries will run every hour.')
  await app.crash()
  // At the start after the crash, article.json catches up with what she typed (a crash may have
  // left it a moment behind): the list shows it before she opens the story.
  await app.page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /Harbour bridge to close for repairs/ })
    .click({ timeout: 30_000 })
  await expect(app.page.getByRole('textbox', { name: 'Body' })).toHaveText(
    'The bridge closes on Monday. Ferries will run every hour.',
    { timeout: 30_000 },
  )
  await expect(app.page.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Harbour bridge to close for repairs',
  )

  desk = await startDesk(dataDir, Number(new URL(deskUrl).port))
  const merged = 'Hull’s The bridge closes on Monday. Ferries will run every hour.'
  for (const page of [app.page, editor.page]) {
    await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText(merged, {
      timeout: 60_000,
    })
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveText(
      'Harbour bridge to close for repairs',
    )
    await expect(page.getByRole('textbox', { name: 'Section' })).toHaveValue('Transport')
    await expect(saveStatus(page)).toHaveText('Synced', { timeout: 30_000 })
  }
  await filesSay([app.library, editor.library], {
    headline: 'Harbour bridge to close for repairs',
    section: 'Transport',
    body: oneParagraph(merged),
  })
  await editor.quit()
})

test('a picture added to a shared story reaches the other machine, caption edited by both', async ({
  app,
}) => {
  test.setTimeout(120_000)
  desk = await startDesk(dataDir)
  const reporter = app.page
  const editor = await storyOnBothMachines(app, desk.url)
  await expect(saveStatus(editor.page)).toHaveText('Synced', { timeout: 30_000 })

  await reporter.getByRole('textbox', { name: 'Body' }).click()
  await reporter.keyboard.press('End')
  await insertImage(reporter, '#aa3311')
  await reporter.getByRole('textbox', { name: 'Caption' }).click()
  await reporter.keyboard.type('The bridge at dawn')
  await reporter.getByRole('textbox', { name: 'Alt text' }).fill('The harbour bridge, lit pink.')

  // The picture itself comes from the desk, not only its place in the story.
  const picture = editor.page.getByRole('img', { name: 'The harbour bridge, lit pink.' })
  await expect(picture).toBeVisible({ timeout: 30_000 })
  await expect
    .poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0)
  const editorCaption = editor.page.getByRole('textbox', { name: 'Caption' })
  await expect(editorCaption).toHaveText('The bridge at dawn')
  await editorCaption.click()
  await editor.page.keyboard.press('End')
  await editor.page.keyboard.type(' from the ferry')
  await expect(reporter.getByRole('textbox', { name: 'Caption' })).toHaveText(
    'The bridge at dawn from the ferry',
    { timeout: 30_000 },
  )

  // Kept in his library beside the story, under the same name as in hers.
  const picturesIn = (library: string) => {
    const [folder] = readdirSync(library).filter((name) => !name.startsWith('.'))
    return readdirSync(join(library, folder ?? '', 'assets'))
  }
  expect(picturesIn(editor.library)).toEqual(picturesIn(app.library))
  expect(picturesIn(editor.library)).toHaveLength(1)
  await editor.quit()
})

test('two tabs of one app in the same shared story see each other’s typing live', async ({
  app,
}) => {
  test.setTimeout(120_000)
  desk = await startDesk(dataDir)
  await connectToDesk(app.page, desk.url, addPerson(dataDir, 'Ana Lee', 'reporter'))
  await sendNewStory(app.page)

  const tab = await app.newTab()
  await tab
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /Harbour bridge to close/ })
    .click()
  const tabBody = tab.getByRole('textbox', { name: 'Body' })
  await expect(tabBody).toHaveText('The bridge closes on Monday.', { timeout: 30_000 })
  await tabBody.click()
  await tab.keyboard.press('End')
  await tab.keyboard.type(' Ferries will run every hour.')
  await expect(tabBody).toHaveText('The bridge closes on Monday. Ferries will run every hour.')
  await expect(app.page.getByRole('textbox', { name: 'Body' })).toHaveText(
    'The bridge closes on Monday. Ferries will run every hour.',
    { timeout: 30_000 },
  )
  await app.page.getByRole('textbox', { name: 'Headline' }).click()
  await app.page.keyboard.press('End')
  await app.page.keyboard.type(' for repairs')
  await expect(tab.getByRole('textbox', { name: 'Headline' })).toHaveText(
    'Harbour bridge to close for repairs',
    { timeout: 30_000 },
  )
  await filesSay([app.library], {
    headline: 'Harbour bridge to close for repairs',
    body: oneParagraph('The bridge closes on Monday. Ferries will run every hour.'),
  })
})

test('back in a shared story after another, a reporter finds what was typed meanwhile, once', async ({
  app,
}) => {
  test.setTimeout(120_000)
  desk = await startDesk(dataDir)
  const reporter = app.page
  const editor = await storyOnBothMachines(app, desk.url)
  await expect(saveStatus(reporter)).toHaveText('Synced', { timeout: 30_000 })

  // She goes to another story (her copy of this one is kept), and back, twice; he types between.
  const articles = reporter.getByRole('list', { name: 'Articles' })
  const reporterBody = reporter.getByRole('textbox', { name: 'Body' })
  const editorBody = editor.page.getByRole('textbox', { name: 'Body' })
  let expected = 'The bridge closes on Monday.'
  for (const added of [' Ferries will run every hour.', ' Buses replace them at night.']) {
    await reporter.getByRole('button', { name: 'New article' }).click()
    await reporter.getByRole('textbox', { name: 'Headline' }).fill(`Elsewhere:${added}`)
    await editorBody.click()
    await editor.page.keyboard.press('End')
    await editor.page.keyboard.type(added)
    expected += added
    await expect(saveStatus(editor.page)).toHaveText('Synced', { timeout: 30_000 })
    await articles.getByRole('button', { name: /Harbour bridge to close/ }).click()
    await expect(reporterBody).toHaveText(expected, { timeout: 30_000 })
  }
  await reporterBody.click()
  await reporter.keyboard.press('End')
  await reporter.keyboard.type(' Tolls are suspended.')
  await expect(editorBody).toHaveText(`${expected} Tolls are suspended.`, { timeout: 30_000 })
  await editor.quit()
})

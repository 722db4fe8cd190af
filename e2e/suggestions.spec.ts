import type { Page } from '@playwright/test'
import { insertImage, selectText } from './actions'
import { expect, test } from './fixtures'

async function setDisplayName(page: Page, name: string) {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByRole('textbox', { name: /Your name/ }).fill(name)
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()
}

test('five suggestions across headline, caption and body: three accepted, two rejected, exactly', async ({
  app,
}) => {
  const { page } = app
  await setDisplayName(page, 'Dana Desk')
  await page.getByRole('button', { name: 'New article' }).click()
  const headline = page.getByRole('textbox', { name: 'Headline' })
  const body = page.getByRole('textbox', { name: 'Body' })
  await headline.fill('Council approves budget')
  await body.click()
  await page.keyboard.type('The council met on Tuesday. It voted to close the bridge.')
  await insertImage(page, '#336699')
  const caption = page.getByRole('textbox', { name: 'Caption' })
  await caption.click()
  await page.keyboard.type('Workers on the bridge.')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  const toggle = page.getByRole('button', { name: 'Suggest edits' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')

  // 1. Headline: an insertion at the end.
  await headline.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' plan')
  // 2. Caption: an insertion at the end.
  await caption.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Photo taken Monday.')
  // 3. Body: a word typed over another.
  await selectText(body, 'Tuesday')
  await page.keyboard.type('Wednesday')
  // 4. Body: a sentence deleted.
  await selectText(body, ' It voted to close the bridge.')
  await page.keyboard.press('Backspace')
  // 5. Body: a new first paragraph.
  await body.click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('Residents objected.')
  await page.keyboard.press('Enter')

  // Recorded, not applied: the original text is all still there.
  await expect(headline).toHaveText('Council approves budget plan')
  await expect(body).toContainText('TuesdayWednesday')
  await expect(body).toContainText('It voted to close the bridge.')
  await expect(
    body.locator('ins.suggestion-insertion, .suggestion-insertion').first(),
  ).toBeVisible()
  await expect(body.locator('.suggestion-deletion').first()).toBeVisible()

  const panel = page.getByRole('region', { name: 'Suggestions' })
  const items = panel.getByRole('listitem')
  await expect(items).toHaveCount(5)
  await expect(items.first()).toContainText('Dana Desk')

  // Suggestions are kept in the file: they survive a reload.
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Council approves budget/ })
    .click()
  await expect(items).toHaveCount(5)
  // Still suggesting after the reload: the switch stays on for the tab.
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(items.filter({ hasText: 'plan' })).toContainText('Dana Desk')

  const item = (text: string) => items.filter({ hasText: text })
  await item('plan').getByRole('button', { name: 'Accept' }).click()
  await item('Photo taken Monday').getByRole('button', { name: 'Reject' }).click()
  await item('Wednesday').getByRole('button', { name: 'Accept' }).click()
  await item('It voted to close').getByRole('button', { name: 'Reject' }).click()
  await item('Residents objected').getByRole('button', { name: 'Accept' }).click()
  await expect(items).toHaveCount(0)
  await expect(panel).toContainText('No suggestions')

  const expectExactText = async () => {
    await expect(headline).toHaveText('Council approves budget plan')
    await expect(caption).toHaveText('Workers on the bridge.')
    await expect(body.locator('> p').first()).toHaveText('Residents objected.')
    await expect(body.locator('> p').nth(1)).toHaveText(
      'The council met on Wednesday. It voted to close the bridge.',
    )
  }
  await expectExactText()
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Council approves budget plan/ })
    .click()
  await expectExactText()

  const listed = JSON.parse((await app.cli('list', '--json')).stdout)
  const stored = JSON.parse((await app.cli('show', listed.articles[0].id, '--json')).stdout)
  expect(stored.headline).toBe('Council approves budget plan')
  expect(stored.tracked).toEqual({})
  expect(stored.suggestions).toEqual([])
  expect(JSON.stringify(stored.body)).not.toMatch(/insertion|deletion|modification|\\u200b/i)
})

test('byline and credit suggestions, accepting from the text, and Reject all', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('Rates rise')
  const byline = page.getByRole('list', { name: 'Byline' })
  await byline.getByRole('textbox', { name: 'Name' }).fill('Ana Lee')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Rates rise.')
  await insertImage(page, '#993366')
  const credit = page.getByRole('textbox', { name: 'Credit' })
  await credit.fill('Jo')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)

  await page.getByRole('button', { name: 'Suggest edits' }).click()
  await byline.getByRole('textbox', { name: 'Name' }).fill('Ana Leigh')
  await credit.fill('Jo Smith/Herald')
  await selectText(body, 'rise.')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type(' Again.')

  const items = page.getByRole('region', { name: 'Suggestions' }).getByRole('listitem')
  await expect(items).toHaveCount(3)
  await expect(items.filter({ hasText: 'Byline' })).toContainText('Ana Lee')
  await expect(items.filter({ hasText: 'Byline' })).toContainText('Ana Leigh')
  await expect(items.filter({ hasText: 'Credit' })).toContainText('Jo → Jo Smith/Herald')

  // From the text: the cursor in a suggestion offers to accept or reject it there.
  await selectText(body, 'Again')
  await page.getByRole('button', { name: 'Accept this suggestion' }).click()
  await expect(items).toHaveCount(2)
  await expect(body.locator('.suggestion-insertion')).toHaveCount(0)
  await expect(body.locator('p').first()).toHaveText('Rates rise. Again.')

  await page.getByRole('button', { name: 'Reject all' }).click()
  await expect(items).toHaveCount(0)
  await expect(byline.getByRole('textbox', { name: 'Name' })).toHaveValue('Ana Lee')
  await expect(credit).toHaveValue('Jo')
  await expect(body.locator('p').first()).toHaveText('Rates rise. Again.')
})

const barAtCursor = (page: Page) => page.getByRole('group', { name: 'Suggestion at the cursor' })

/** Whether two boxes share any area. */
function overlap(
  a: { x: number; y: number; width: number; height: number } | null,
  b: { x: number; y: number; width: number; height: number } | null,
) {
  if (!a || !b) throw new Error('not on screen')
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

test('one suggestion bar, for the field with the cursor, covering no text and naming the kind', async ({
  app,
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await setDisplayName(page, 'Dana Desk')
  await page.getByRole('button', { name: 'New article' }).click()
  const headline = page.getByRole('textbox', { name: 'Headline' })
  const standfirst = page.getByRole('textbox', { name: 'Standfirst' })
  const body = page.getByRole('textbox', { name: 'Body' })
  await headline.fill('Council approves budget')
  await standfirst.fill('The vote was close.')
  await body.click()
  await page.keyboard.type('The council met on Tuesday.')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved /)
  await page.getByRole('button', { name: 'Suggest edits' }).click()

  const bar = barAtCursor(page)
  const expectBarClearOfText = async () => {
    const box = await bar.boundingBox()
    for (const field of [headline, standfirst, body])
      expect(overlap(box, await field.boundingBox())).toBe(false)
  }

  // An insertion in the headline.
  await headline.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' plan')
  await expect(bar).toHaveCount(1)
  await expect(bar).toContainText(/^Insertion by Dana Desk/)
  await expectBarClearOfText()

  // A word typed over another in the standfirst: one replacement, and the headline's bar goes.
  // The field takes the focus first, as a person's click gives it; a selection alone does not.
  await standfirst.click()
  await selectText(standfirst, 'close')
  await page.keyboard.type('narrow')
  await expect(bar).toHaveCount(1)
  await expect(bar).toContainText(/^Replacement by Dana Desk/)
  await expectBarClearOfText()

  // A deletion in the body.
  await body.click()
  await selectText(body, ' on Tuesday')
  await page.keyboard.press('Backspace')
  await expect(bar).toHaveCount(1)
  await expect(bar).toContainText(/^Deletion by Dana Desk/)
  await expect(page.getByRole('button', { name: 'Accept this suggestion' })).toHaveCount(1)
  await expectBarClearOfText()

  // The cursor leaves the story: no bar is left behind.
  await page.getByRole('textbox', { name: 'Slug' }).click()
  await expect(bar).toHaveCount(0)
  await headline.click()
  await page.keyboard.press('End')
  await expect(bar).toHaveCount(1)
  await expect(bar).toContainText(/^Insertion/)

  // Rejecting the replacement from its bar takes back both halves.
  await standfirst.click()
  await selectText(standfirst, 'narrow')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  await expect(bar).toContainText(/^Replacement/)
  await bar.getByRole('button', { name: 'Reject this suggestion' }).click()
  await expect(standfirst).toHaveText('The vote was close.')
  await expect(bar).toHaveCount(0)
})

test('in a long story the suggestion bar stays in sight without covering the line', async ({
  app,
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByRole('textbox', { name: 'Headline' }).fill('A long story')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.evaluate(() => {
    const transfer = new DataTransfer()
    const paragraphs = Array.from({ length: 60 }, (_, n) => `<p>Paragraph ${n + 1} of many.</p>`)
    transfer.setData('text/html', paragraphs.join(''))
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  })
  await expect(body.getByText('Paragraph 60 of many.')).toBeAttached()
  await page.getByRole('button', { name: 'Suggest edits' }).click()
  // Back into the body, as a person's click would bring them, before selecting there.
  await body.focus()
  await selectText(body, 'Paragraph 40')
  await page.keyboard.type('Item 40')
  const bar = barAtCursor(page)
  await expect(bar).toContainText(/^Replacement/)

  const line = body.locator('p', { hasText: 'Item 40' })
  for (const block of ['end', 'center'] as const) {
    await line.evaluate((element, where) => element.scrollIntoView({ block: where }), block)
    await expect(line).toBeInViewport()
    await expect(bar).toBeInViewport()
    expect(overlap(await bar.boundingBox(), await line.boundingBox()), block).toBe(false)
  }

  // From the keyboard: Tab from the text reaches the bar, and acting on it returns to the text.
  await page.keyboard.press('Tab')
  await expect(bar.getByRole('button', { name: 'Accept this suggestion' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(line).toHaveText('Item 40 of many.')
  await expect(body).toBeFocused()
  await expect(bar).toHaveCount(0)
})

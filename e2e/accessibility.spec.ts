import type { Page } from '@playwright/test'
import { seriousViolations } from './axe'
import { expect, test } from './fixtures'

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

async function openSample(page: Page) {
  await page.getByRole('button', { name: 'Open a sample article' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toContainText('Harbour ferry')
  await expect(page.getByRole('figure').first()).toBeVisible()
}

test('axe finds no serious or critical problem on any main screen, light or dark', async ({
  app,
}) => {
  const { page } = app
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible()
  expect(await seriousViolations(page), 'empty library').toEqual([])

  await openSample(page)
  expect(await seriousViolations(page), 'editor with a figure and every panel').toEqual([])

  await page.getByRole('button', { name: 'Suggest edits' }).click()
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type(' A suggested sentence.')
  await expect(page.getByRole('list', { name: 'Pending suggestions' })).toBeVisible()
  expect(await seriousViolations(page), 'suggestions listed').toEqual([])

  await page.keyboard.press(`${mod}+f`)
  await page.getByRole('textbox', { name: 'Find' }).fill('ferry')
  expect(await seriousViolations(page), 'find and replace').toEqual([])
  await page.keyboard.press('Escape')

  for (const theme of ['dark', 'light']) {
    await page.keyboard.press(`${mod}+Shift+L`)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
    expect(await seriousViolations(page), `${theme}: editor`).toEqual([])
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible()
    expect(await seriousViolations(page), `${theme}: export dialog`).toEqual([])
    await page.keyboard.press('Escape')
    await page.keyboard.press('F1')
    expect(await seriousViolations(page), `${theme}: shortcuts`).toEqual([])
    await page.keyboard.press('Escape')
  }
})

test('landmarks: the library is navigation, the story main, the panels complementary', async ({
  app,
}) => {
  const { page } = app
  await openSample(page)
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
  await expect(page.getByRole('main', { name: 'Story' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Metadata' })).toBeVisible()
})

test('every part is reachable with Tab, each with a visible focus ring', async ({ app }) => {
  const { page } = app
  await openSample(page)
  await page.locator('body').click({ position: { x: 1, y: 1 } })
  const reached = new Set<string>()
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body) return undefined
      const style = getComputedStyle(element)
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      const name =
        element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''
      return { name, ring }
    })
    if (!focused) continue
    expect(focused.ring, `focus ring on "${focused.name}"`).toBe(true)
    reached.add(focused.name)
  }
  for (const name of [
    'New article',
    'Search articles',
    'Headline',
    'Standfirst',
    'Body',
    'Details',
  ]) {
    expect(
      [...reached].some((reachedName) => reachedName.startsWith(name)),
      name,
    ).toBe(true)
  }
})

test('panels fold away and stay folded in the next window', async ({ app }) => {
  const { page } = app
  await openSample(page)
  const toggle = page.getByRole('button', { name: 'Comments', exact: true })
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('textbox', { name: 'New comment' })).toBeHidden()
  await page.reload()
  await expect(page.getByRole('button', { name: 'Comments', exact: true })).toHaveAttribute(
    'aria-expanded',
    'false',
  )
})

for (const [width, height] of [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
  [2560, 1440],
] as const) {
  test(`at ${width}×${height} nothing overlaps and nothing scrolls sideways`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width, height })
    await openSample(page)
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      story: (() => {
        const story = document.querySelector('main')
        return story ? story.scrollWidth - story.clientWidth : 0
      })(),
    }))
    expect(overflow).toEqual({ page: 0, story: 0 })
    const box = async (role: 'navigation' | 'complementary', name: string) =>
      (await page.getByRole(role, { name }).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }
    const library = await box('navigation', 'Library')
    const article = (await page.getByRole('article', { name: 'Article' }).boundingBox()) ?? library
    const panels = await box('complementary', 'Metadata')
    expect(library.x + library.width).toBeLessThanOrEqual(article.x)
    // The panels sit beside the story, or below it on narrow windows; never on top of it.
    const beside = article.x + article.width <= panels.x
    const below = article.y + article.height <= panels.y
    expect(beside || below).toBe(true)
  })
}

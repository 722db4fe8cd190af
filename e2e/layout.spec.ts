import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const current = () => page.evaluate(() => document.documentElement.dataset.theme)
  if ((await current()) !== theme) await page.keyboard.press(`${mod}+Shift+L`)
  await expect.poll(current).toBe(theme)
}

/** Pastes `count` paragraphs into the body, as a long story arrives from elsewhere. */
async function pasteLongBody(page: Page, count: number) {
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.evaluate((length) => {
    const transfer = new DataTransfer()
    const paragraphs = Array.from(
      { length },
      (_, n) => `<p>Paragraph ${n + 1} of a story long enough to scroll.</p>`,
    )
    transfer.setData('text/html', paragraphs.join(''))
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    )
  }, count)
  await expect(page.getByText(`Paragraph ${count} of a story`)).toBeAttached()
}

/** How a button is drawn: the colours of its text and what is behind it, and its cursor. */
function lookOf(button: Locator) {
  return button.evaluate((element) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number)
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value = 0) => {
        const s = value / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    // The first opaque background from the button outwards is what its text is read against.
    let background = [255, 255, 255]
    for (let node: Element | null = element; node; node = node.parentElement) {
      const [r = 0, g = 0, b = 0, a = 1] = rgb(getComputedStyle(node).backgroundColor)
      if (a > 0.5) {
        background = [r, g, b]
        break
      }
    }
    const style = getComputedStyle(element)
    const [light, dark] = [luminance(rgb(style.color)), luminance(background)].sort((a, b) => b - a)
    return {
      cursor: style.cursor,
      contrast: ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05),
      opacity: Number(style.opacity),
    }
  })
}

test('at 1440×900 the body of a new article starts in the top third of the window', async ({
  app,
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByRole('button', { name: 'New article' }).click()
  const body = await page.getByRole('textbox', { name: 'Body' }).boundingBox()
  expect(body?.y).toBeLessThan(900 / 3)
  // The toolbars are icons, each with its name (and its shortcut in a tooltip), in groups.
  const formatting = page.getByRole('toolbar', { name: 'Body formatting' })
  await expect(formatting.getByRole('group', { name: 'Text' })).toBeVisible()
  await expect(formatting.getByRole('button', { name: 'Bold' })).toHaveAttribute(
    'title',
    /^Bold \((Ctrl\+B|⌘B)\)$/,
  )
  await expect(
    page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Save' }),
  ).toHaveAttribute('title', /^Save \((Ctrl\+S|⌘S)\)$/)
})

test('at 1440×900 the panels stay in view however far the story scrolls', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByRole('button', { name: 'New article' }).click()
  await pasteLongBody(page, 120)
  await page.getByRole('main', { name: 'Story' }).evaluate((story) => {
    story.scrollTop = story.scrollHeight
  })
  await expect(page.getByText('Paragraph 120 of a story')).toBeInViewport()
  const panels = page.getByRole('complementary', { name: 'Metadata' })
  await expect(panels.getByRole('heading').first()).toBeInViewport()
  // Taller than the window, the panels scroll on their own rather than off the screen.
  const box = await panels.boundingBox()
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(900)
})

test('disabled buttons look disabled, and stay legible, in both themes', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const undo = page.getByRole('button', { name: 'Undo' })
  const bold = page.getByRole('button', { name: 'Bold' })
  await expect(undo).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Add comment' })).toBeDisabled()
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme)
    const [disabled, enabled] = [await lookOf(undo), await lookOf(bold)]
    expect(disabled.cursor, theme).toBe('not-allowed')
    expect(enabled.cursor, theme).toBe('pointer')
    // Clearly fainter than an enabled button, yet still readable.
    expect(disabled.contrast * disabled.opacity, theme).toBeLessThan(enabled.contrast * 0.6)
    expect(disabled.contrast * disabled.opacity, theme).toBeGreaterThanOrEqual(2)
  }
})

test('placeholders fit their fields: the library search and the version label', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('button', { name: 'New article' }).click()
  for (const field of [
    page.getByRole('searchbox', { name: 'Search articles' }),
    page.getByRole('textbox', { name: 'Version label' }),
  ]) {
    const fit = await field.evaluate((element: HTMLInputElement) => {
      const style = getComputedStyle(element)
      const context = document.createElement('canvas').getContext('2d')
      if (!context) throw new Error('no canvas')
      context.font = style.font
      const room =
        element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      return { text: context.measureText(element.placeholder).width, room }
    })
    expect(fit.text, (await field.getAttribute('aria-label')) ?? '').toBeLessThanOrEqual(fit.room)
  }
})

test('byline names are shown as typed, not forced into capitals', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  const name = page.getByRole('list', { name: 'Byline' }).getByRole('textbox', { name: 'Name' })
  await name.fill('Ana de la Cruz')
  const style = await name.evaluate((element) => {
    const computed = getComputedStyle(element)
    return { caps: computed.fontVariantCaps, transform: computed.textTransform }
  })
  expect(style).toEqual({ caps: 'normal', transform: 'none' })
})

test('drop-down menus follow the dark theme', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New article' }).click()
  await setTheme(page, 'dark')
  for (const select of [
    page.getByRole('combobox', { name: 'Filter by status' }),
    page.getByRole('combobox', { name: 'Status', exact: true }),
  ]) {
    const look = await select.evaluate((element: HTMLSelectElement) => {
      // Transparent is no colour of our own: the browser's light default shows through.
      const lightness = (colour: string) => {
        const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number)
        return a < 1 ? Number.NaN : (r + g + b) / 3 / 255
      }
      const option = element.options[0]
      if (!option) throw new Error('no options')
      return {
        scheme: getComputedStyle(element).colorScheme,
        background: lightness(getComputedStyle(element).backgroundColor),
        text: lightness(getComputedStyle(element).color),
        optionBackground: lightness(getComputedStyle(option).backgroundColor),
        optionText: lightness(getComputedStyle(option).color),
      }
    })
    expect(look.scheme).toContain('dark')
    expect(look.background).toBeLessThan(0.3)
    expect(look.text).toBeGreaterThan(0.7)
    expect(look.optionBackground).toBeLessThan(0.3)
    expect(look.optionText).toBeGreaterThan(0.7)
  }
})

import type { Locator, Page } from '@playwright/test'
import { makeImage } from '../electron/services/testing/test-images'
import { expect } from './fixtures'

/** Imports files through the library's _Import…_ button, as chosen in the file dialog. */
export async function importFiles(
  page: Page,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const chooser = page.waitForEvent('filechooser')
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'Import…' })
    .click()
  await (await chooser).setFiles(files)
}

/**
 * Selects `text` inside `field` as a person would with the mouse, and returns once the editor
 * has taken the selection up. ProseMirror puts its own selection back onto the page a moment
 * after the field gains focus; on a busy machine that can land after ours, so the selection is
 * set again until it holds, as a person would select again before typing.
 */
export async function selectText(field: Locator, text: string) {
  await field.evaluate(async (element, wanted) => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50))
    const editable = element.closest('[contenteditable="true"]') ?? element
    if (editable instanceof HTMLElement && !editable.contains(document.activeElement)) {
      editable.focus()
      await settle()
    }
    const findRange = () => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const start = (node.textContent ?? '').indexOf(wanted)
        if (start < 0) continue
        const range = document.createRange()
        range.setStart(node, start)
        range.setEnd(node, start + wanted.length)
        return range
      }
      throw new Error(`"${wanted}" is not in the field`)
    }
    const selection = window.getSelection()
    for (let attempt = 0; attempt < 20; attempt++) {
      selection?.removeAllRanges()
      selection?.addRange(findRange())
      await settle()
      if (selection?.toString() === wanted) return
    }
    throw new Error(`the field did not keep "${wanted}" selected`)
  }, text)
}

/** Inserts a generated picture through the Insert image button's file chooser. */
export async function insertImage(
  page: Page,
  colour: string,
  size?: { width: number; height: number },
) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Insert image' }).click()
  const fileChooser = await chooser
  await fileChooser.setFiles({
    name: 'picture.png',
    mimeType: 'image/png',
    buffer: await makeImage('png', colour, size),
  })
}

/** Saves the open story, reloads the page and opens the story again from the library. */
export async function saveAndReopen(page: Page, headline: RegExp) {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/^Saved/)
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: headline })
    .click()
}

import type { Locator, Page } from '@playwright/test'
import { makeImage } from '../electron/services/test-images'

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

/** Selects `text` inside `field` as a person would with the mouse. */
export async function selectText(field: Locator, text: string) {
  await field.evaluate((element, wanted) => {
    // A mouse selection focuses the field first; without it the editor may not take it up.
    const editable = element.closest('[contenteditable="true"]') ?? element
    if (editable instanceof HTMLElement && !editable.contains(document.activeElement))
      editable.focus()
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = (node.textContent ?? '').indexOf(wanted)
      if (start < 0) continue
      const range = document.createRange()
      range.setStart(node, start)
      range.setEnd(node, start + wanted.length)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return
    }
    throw new Error(`"${wanted}" is not in the field`)
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

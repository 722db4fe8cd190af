import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { countWords } from '../../../shared/article'
import { formatMegabytes } from '../../../shared/assets/image-policy'

/** Word's list paragraphs: the style names the list and its level. */
const WORD_LIST_STYLE = /mso-list:\s*l(\d+)\s+level(\d+)/i
const ORDERED_MARKER = /^\s*(\d+|[a-z]|[ivxlc]+)[.)]\s*$/i
const STRIPPED =
  'script, style, meta, link, title, xml, template, iframe, object, embed, svg, math, form'

function isTrackingImage(image: Element): boolean {
  return (
    ['width', 'height'].some((name) => Number(image.getAttribute(name) ?? 99) <= 2) ||
    /pixel|beacon|tracking|analytics/i.test(image.getAttribute('src') ?? '')
  )
}

/** Word writes lists as paragraphs with a typed marker; they become real lists, nested by level. */
function rebuildWordLists(document: Document): void {
  const paragraphs = Array.from(document.querySelectorAll('p')).filter((paragraph) =>
    WORD_LIST_STYLE.test(paragraph.getAttribute('style') ?? ''),
  )
  let stack: { list: HTMLElement; level: number }[] = []
  for (const paragraph of paragraphs) {
    const [, , levelText] = WORD_LIST_STYLE.exec(paragraph.getAttribute('style') ?? '') ?? []
    const level = Number(levelText ?? 1)
    const marker = paragraph.querySelector(
      '[style*="mso-list:Ignore"], [style*="mso-list: Ignore"]',
    )
    const ordered = ORDERED_MARKER.test(marker?.textContent ?? '')
    marker?.remove()
    // A list paragraph right after the list being built continues it; any other starts a new one.
    if (paragraph.previousElementSibling !== stack[0]?.list) stack = []
    while ((stack.at(-1)?.level ?? 0) > level) stack.pop()
    let top = stack.at(-1)
    if (!top || top.level < level) {
      const list = document.createElement(ordered ? 'ol' : 'ul')
      const parentItem = top?.list.lastElementChild
      if (parentItem) parentItem.append(list)
      else paragraph.before(list)
      top = { list, level }
      stack.push(top)
    }
    const item = document.createElement('li')
    const content = document.createElement('p')
    content.innerHTML = paragraph.innerHTML
    item.append(content)
    top.list.append(item)
    paragraph.remove()
  }
}

/**
 * HTML pasted from Word, Google Docs or a web page, made ready for the body: scripts, styles,
 * tracking pixels and Word's list markers go, Word's fake lists become lists, Google Docs' bold
 * wrapper is unwrapped, and headings fit the body's two levels. The editor's schema then keeps
 * only what an article can hold (no classes, styles or event handlers survive it).
 */
export function cleanPastedHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html')
  for (const element of Array.from(document.querySelectorAll(STRIPPED))) element.remove()
  for (const image of Array.from(document.querySelectorAll('img'))) {
    if (isTrackingImage(image)) image.remove()
  }
  const comments = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT)
  const found: Node[] = []
  for (let node = comments.nextNode(); node; node = comments.nextNode()) found.push(node)
  for (const node of found) node.parentNode?.removeChild(node)
  for (const wrapper of Array.from(document.querySelectorAll('b[id^="docs-internal-guid"]'))) {
    wrapper.replaceWith(...Array.from(wrapper.childNodes))
  }
  // Copied suggestions and comment anchors belong to where they were: pasted, the text reads as
  // it would with the suggestions accepted, and is the paster's own (a suggestion in Suggest edits).
  for (const deleted of Array.from(document.querySelectorAll('del[data-suggestion]')))
    deleted.remove()
  for (const wrapper of Array.from(
    document.querySelectorAll('ins[data-suggestion], span[data-comment]'),
  ))
    wrapper.replaceWith(...Array.from(wrapper.childNodes))
  rebuildWordLists(document)
  for (const heading of Array.from(document.querySelectorAll('h1, h4, h5, h6'))) {
    const replacement = document.createElement(heading.localName === 'h1' ? 'h2' : 'h3')
    replacement.innerHTML = heading.innerHTML
    heading.replaceWith(replacement)
  }
  for (const span of Array.from(document.querySelectorAll('span'))) {
    if (!span.textContent && !span.querySelector('img')) span.remove()
  }
  return document.body.innerHTML
}

/** Pictures pasted inside HTML as data: URLs, as files the image import can take. */
export function pastedImageFiles(html: string): File[] {
  const document = new DOMParser().parseFromString(html, 'text/html')
  return Array.from(document.querySelectorAll('img'))
    .filter((image) => !isTrackingImage(image))
    .flatMap((image, index) => {
      const match = /^data:(image\/(png|jpeg|gif|webp));base64,(.+)$/s.exec(
        image.getAttribute('src') ?? '',
      )
      if (!match?.[1] || !match[3]) return []
      const bytes = Uint8Array.from(atob(match[3]), (char) => char.charCodeAt(0))
      return [
        new File([bytes], `pasted-${index + 1}.${match[2] === 'jpeg' ? 'jpg' : match[2]}`, {
          type: match[1],
        }),
      ]
    })
}

/** Cleans every HTML paste into the editor before its schema reads it. */
export const CleanPaste = Extension.create({
  name: 'cleanPaste',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('cleanPaste'),
        props: { transformPastedHTML: cleanPastedHtml },
      }),
    ]
  },
})

/**
 * A paste this long (text or HTML, in characters) is asked about first: reading 2 MB into the
 * editor takes it several seconds, and a paste that large is more often a slip than a story.
 */
export const LARGE_PASTE_CHARACTERS = 200_000

/** A large paste held back while the person decides, with what the question tells them. */
export interface HeldPaste {
  html: string
  text: string
  /** Of the larger of the two, as UTF-8. */
  bytes: number
  /** The text's words, rounded to two figures. */
  words: number
}

/** Two significant figures: "about 350,000 words", not 347,812. */
function roughly(count: number): number {
  if (count < 100) return count
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1)
  return Math.round(count / unit) * unit
}

/** HTML's text, a line a block, without what a page does not show (scripts, styles). */
export function textOfHtml(html: string): string {
  const lined = html.replace(/<br\s*\/?>|<\/(?:p|div|h[1-6]|li|blockquote|tr|pre)>/gi, '$&\n')
  const document = new DOMParser().parseFromString(lined, 'text/html')
  for (const element of Array.from(document.querySelectorAll(STRIPPED))) element.remove()
  return document.body.textContent ?? ''
}

/**
 * The clipboard's content when it is a large paste; undefined for an ordinary one. HTML that
 * comes without a plain-text version gets one, for its words and for pasting as plain text.
 */
export function holdLargePaste(
  data: Pick<DataTransfer, 'getData'> | null | undefined,
): HeldPaste | undefined {
  if (!data) return undefined
  const html = data.getData('text/html')
  const plain = data.getData('text/plain')
  const longest = html.length > plain.length ? html : plain
  if (longest.length <= LARGE_PASTE_CHARACTERS) return undefined
  const text = plain || textOfHtml(html)
  return {
    html,
    text,
    bytes: new TextEncoder().encode(longest).byteLength,
    words: roughly(countWords(text)),
  }
}

/** The question asked before a large paste goes in. */
export function largePasteQuestion(held: HeldPaste): string {
  const words = `about ${held.words.toLocaleString('en')} ${held.words === 1 ? 'word' : 'words'}`
  return `This paste is ${formatMegabytes(held.bytes)}, ${words}: pasting it may take a while.`
}

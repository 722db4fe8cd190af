/**
 * The few things the schema's parse rules and view decorations read from, or make in, the
 * document tree the editor hands them: the page's DOM in the app, happy-dom's when Node imports
 * or exports. shared/ is compiled without the DOM library (shared/tsconfig.json), so that no code
 * here can reach a global `document` or `window`; TipTap and ProseMirror still name the DOM's own
 * types in their callbacks, and these functions are the one place where those values are read
 * through the narrower shape below.
 */
export interface MarkupElement {
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  querySelector(selectors: string): MarkupElement | null
  textContent: string | null
  className: string
  readonly ownerDocument: { createElement(tagName: string): MarkupElement }
}

export const asMarkup = (element: unknown): MarkupElement => element as MarkupElement

/** The key a keyboard event names, read without the DOM's KeyboardEvent type. */
export const pressedKey = (event: unknown): string => (event as { key: string }).key

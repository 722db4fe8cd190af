/**
 * An article element's HTML as a story body: the body has subheadings at two levels, so h1
 * becomes h2, and h4 to h6 become h3; blank paragraphs at either end are left out.
 */
export function storyBodyHtml(root: Element): string {
  // Blank lines before and after the story (Word's, a page's) are no part of it.
  const blank = (element: Element | null) =>
    element?.localName === 'p' && !element.textContent?.trim() && !element.querySelector('img')
  while (blank(root.firstElementChild)) root.firstElementChild?.remove()
  while (blank(root.lastElementChild)) root.lastElementChild?.remove()
  for (const heading of Array.from(root.querySelectorAll('h1, h4, h5, h6'))) {
    const replacement = root.ownerDocument.createElement(heading.localName === 'h1' ? 'h2' : 'h3')
    replacement.innerHTML = heading.innerHTML
    heading.replaceWith(replacement)
  }
  return root.innerHTML
}

/** How many distinct author styles the stylesheet defines (colour and underline style). */
export const AUTHOR_STYLE_COUNT = 6

/** The same person always gets the same style, in every field and on every machine. */
export function authorColourIndex(author: string): number {
  let hash = 0
  for (const character of author) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0
  return hash % AUTHOR_STYLE_COUNT
}

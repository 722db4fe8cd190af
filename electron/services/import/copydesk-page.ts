import { PAGE_GENERATOR } from '../../../shared/export/page-generator'
import type { BylineEntry } from '../../../shared/article'
import { emptyStory, type ParsedStory } from '../../../shared/import/parsed-story'
import { extractFigures } from './html-figures'
import { readPageMetadata } from './page-metadata'

const textOf = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** A page Copydesk exported, by the generator it names. */
export const isCopydeskPage = (document: Document): boolean =>
  document.querySelector('meta[name=generator]')?.getAttribute('content') === PAGE_GENERATOR

/**
 * A page Copydesk exported, read back exactly rather than guessed at: the header's headline,
 * standfirst, byline (each person's name and role as marked) and dateline, the tags as keywords,
 * and everything after the header as the body.
 */
export function parseCopydeskPage(document: Document): ParsedStory {
  const story = emptyStory()
  const article = document.querySelector('article') ?? document.body
  const header = Array.from(article.children).find((child) => child.localName === 'header')
  story.headline = textOf(header?.querySelector('h1'))
  story.standfirst = textOf(header?.querySelector('.standfirst'))
  story.byline = Array.from(header?.querySelectorAll('.byline .author') ?? []).map(
    (author): BylineEntry => {
      const role = textOf(author.querySelector('.role'))
      return { name: textOf(author.querySelector('.name')), ...(role && { role }) }
    },
  )
  story.dateline = textOf(header?.querySelector('.dateline'))
  story.keywords = readPageMetadata(document).keywords
  header?.remove()
  extractFigures(article, story)
  story.bodyHtml = article.innerHTML
  return story
}

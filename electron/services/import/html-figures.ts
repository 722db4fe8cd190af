import { splitCaptionCredit } from '../../../shared/import/caption'
import { dataUrlBytes } from '../../../shared/import/data-url'
import { picturePlaceholder, type ParsedStory } from '../../../shared/import/parsed-story'
import { PICTURE_RIGHTS, type PictureRights } from '../../../shared/editor/figure'

const TRACKING_SOURCE = /pixel|tracking|beacon|spacer|analytics/i

const textOf = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

interface FigureWords extends Partial<PictureRights> {
  caption: string
  credit: string
  lead?: boolean
}

/** The rights a figure states as `data-creator`, `data-copyright` and `data-source`. */
const rightsOfFigure = (figure: Element): Partial<PictureRights> =>
  Object.fromEntries(
    PICTURE_RIGHTS.flatMap((name) => {
      const value = figure.getAttribute(`data-${name}`)?.trim()
      return value ? [[name, value]] : []
    }),
  )

/**
 * A figure exported without its picture (Copydesk's single-file pages): its words, its alt
 * text, and the web address of a picture that was awaited from the web.
 */
function wordsFrom(figure: Element, story: ParsedStory, words: FigureWords) {
  const sourceUrl = figure.getAttribute('data-source-url') ?? ''
  story.pictures.push({
    ...words,
    alt: figure.getAttribute('data-alt') ?? '',
    ...(sourceUrl && { url: sourceUrl }),
    name: `picture ${story.pictures.length + 1}`,
  })
  return picturePlaceholder(story.pictures.length - 1)
}

function pictureFrom(image: Element, story: ParsedStory, words: FigureWords) {
  const src = image.getAttribute('src') ?? ''
  story.pictures.push({
    ...words,
    alt: image.getAttribute('alt') ?? '',
    ...(src.startsWith('data:')
      ? { bytes: dataUrlBytes(src) }
      : /^(https?:)?\/\//i.test(src)
        ? { url: src }
        : { path: decodeURI(src) }),
    name: src.startsWith('data:')
      ? `picture ${story.pictures.length + 1}`
      : (src.split('/').pop() ?? src),
  })
  return picturePlaceholder(story.pictures.length - 1)
}

const isTracking = (image: Element) =>
  TRACKING_SOURCE.test(image.getAttribute('src') ?? '') ||
  ['width', 'height'].some((name) => Number(image.getAttribute(name) ?? 99) <= 2)

/** Figures and lone pictures become placeholders, with the caption and credit beside them. */
export function extractFigures(root: Element, story: ParsedStory): void {
  for (const figure of Array.from(root.querySelectorAll('figure'))) {
    const image = figure.querySelector('img')
    const wordsOnly = !image && figure.hasAttribute('data-alt')
    if (!wordsOnly && (!image || isTracking(image))) {
      figure.remove()
      continue
    }
    const caption = figure.querySelector('figcaption')
    const creditElement = caption?.querySelector(
      '.credit, .byline, small, [itemprop=copyrightHolder]',
    )
    let credit = textOf(creditElement)
    creditElement?.remove()
    let captionText = textOf(caption?.querySelector('.caption') ?? caption)
    if (!credit) {
      const split = splitCaptionCredit(captionText)
      if (split) ({ caption: captionText, credit } = split)
    }
    const words = {
      caption: captionText,
      credit,
      lead: figure.hasAttribute('data-lead'),
      ...rightsOfFigure(figure),
    }
    figure.outerHTML = image ? pictureFrom(image, story, words) : wordsFrom(figure, story, words)
  }
  for (const image of Array.from(root.querySelectorAll('img'))) {
    if (isTracking(image)) {
      image.remove()
      continue
    }
    // A picture on its own, as Word documents have them: the short paragraph after it is its caption.
    const holder = image.closest('p') ?? image
    const next = holder.nextElementSibling
    const nextText = textOf(next)
    const isCaption =
      next?.localName === 'p' &&
      (next.classList.contains('caption') ||
        (nextText.length > 0 && nextText.length < 250 && !/^by\s/i.test(nextText)))
    // A credit marked as one (Word's Credit style) is the credit; else it is read off the words.
    const markedCredit = isCaption ? next?.querySelector('.credit') : null
    markedCredit?.remove()
    const captionText = markedCredit ? textOf(next) : nextText
    const words = !isCaption
      ? { caption: '', credit: '' }
      : markedCredit
        ? { caption: captionText, credit: textOf(markedCredit) }
        : (splitCaptionCredit(nextText) ?? { caption: nextText, credit: '' })
    if (isCaption) next?.remove()
    const lead = holder !== image && holder.classList.contains('lead-picture')
    const placeholder = pictureFrom(image, story, { ...words, lead })
    if (holder !== image && textOf(holder) === '') holder.outerHTML = placeholder
    else image.outerHTML = placeholder
  }
}

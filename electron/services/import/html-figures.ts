import { splitCaptionCredit } from '../../../shared/import/caption'
import { dataUrlBytes } from '../../../shared/import/data-url'
import { picturePlaceholder, type ParsedStory } from '../../../shared/import/parsed-story'

const TRACKING_SOURCE = /pixel|tracking|beacon|spacer|analytics/i

const textOf = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

function pictureFrom(
  image: Element,
  story: ParsedStory,
  words: { caption: string; credit: string },
) {
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
    if (!image || isTracking(image)) {
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
    figure.outerHTML = pictureFrom(image, story, { caption: captionText, credit })
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
    const words = isCaption
      ? (splitCaptionCredit(nextText) ?? { caption: nextText, credit: '' })
      : { caption: '', credit: '' }
    if (isCaption) next?.remove()
    const placeholder = pictureFrom(image, story, words)
    if (holder !== image && textOf(holder) === '') holder.outerHTML = placeholder
    else image.outerHTML = placeholder
  }
}

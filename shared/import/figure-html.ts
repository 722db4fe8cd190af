import { PICTURE_RIGHTS } from '../editor/figure'
import { escapeHtml, unescapeHtml as decoded, type PictureSource } from './parsed-story'
const textOf = (html: string) =>
  decoded(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

/**
 * A figure as Copydesk's exports write it (`<figure data-lead data-alt><img src alt>
 * <figcaption><span class="caption">…</span><span class="credit">…</span></figcaption>`), read
 * into the picture it names: from Markdown, where it stands as an HTML block.
 */
export function pictureFromFigureHtml(html: string, index: number): PictureSource {
  const figureTag = /<figure\b[^>]*>/i.exec(html)?.[0] ?? ''
  const imageTag = /<img\b[^>]*>/i.exec(html)?.[0] ?? ''
  const src = decoded(attribute(imageTag, 'src') ?? '')
  const sourceUrl = decoded(attribute(figureTag, 'data-source-url') ?? '')
  const address = src || sourceUrl
  return {
    caption: textOf(/<span class="caption">([\s\S]*?)<\/span>/.exec(html)?.[1] ?? ''),
    credit: textOf(/<span class="credit">([\s\S]*?)<\/span>/.exec(html)?.[1] ?? ''),
    alt: decoded(attribute(imageTag, 'alt') ?? attribute(figureTag, 'data-alt') ?? ''),
    ...(/^(https?:)?\/\//i.test(address)
      ? { url: address }
      : src && !src.startsWith('data:')
        ? { path: decodeURI(src) }
        : {}),
    name: src.split('/').pop() || `picture ${index + 1}`,
    ...(attribute(figureTag, 'data-lead') !== undefined && { lead: true }),
    ...Object.fromEntries(
      PICTURE_RIGHTS.flatMap((name) => {
        const value = decoded(attribute(figureTag, `data-${name}`) ?? '').trim()
        return value ? [[name, value]] : []
      }),
    ),
  }
}

/** A figure in the body HTML the editor's schema reads: with its picture, or waiting for one. */
export function figureHtml(
  picture: PictureSource,
  attributes: Record<string, string>,
  src?: string,
) {
  const rights = PICTURE_RIGHTS.flatMap((name) => {
    const value = picture[name]
    return value ? [[`data-${name}`, value] as const] : []
  })
  const figureAttributes = Object.entries({
    ...attributes,
    ...Object.fromEntries(rights),
    ...(picture.lead && { 'data-lead': 'true' }),
  })
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('')
  const source = src ? ` src="${escapeHtml(src)}"` : ''
  const credit = picture.credit ? `<span class="credit">${escapeHtml(picture.credit)}</span>` : ''
  return `<figure${figureAttributes}><img${source} alt="${escapeHtml(picture.alt)}"><figcaption><span class="caption">${escapeHtml(picture.caption)}</span>${credit}</figcaption></figure>`
}

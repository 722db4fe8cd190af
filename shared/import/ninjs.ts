import { z } from 'zod'
import { parseBylineText } from '../article/byline'
import { agencyAsRole } from './byline-line'
import { slugify } from '../article/slug'
import { NINJS_PROFILE } from '../export/ninjs-profile'
import { emptyStory, paragraphsHtml, picturePlaceholder, type ParsedStory } from './parsed-story'
import { dataUrlBytes } from './data-url'
import type { PictureRights } from '../editor/figure'

/**
 * ninjs as agencies send it: 1.x (body_html, keywords, associations as an object), 2.x (lower
 * case: bodies, headlines) and 3.x (camelCase). Only what a story needs is read; the rest of a
 * valid item is ignored. Each property is read in either spelling.
 */
const TextItem = z.looseObject({
  role: z.string().optional(),
  contenttype: z.string().optional(),
  contentType: z.string().optional(),
  value: z.string(),
})
const Rendition = z.looseObject({
  name: z.string().optional(),
  href: z.string().optional(),
  title: z.string().optional(),
})
const InfoSource = z.looseObject({ name: z.string().optional(), role: z.string().optional() })
const NinjsItemSchema = z.looseObject({
  uri: z.string().optional(),
  profile: z.string().optional(),
  name: z.string().optional(),
  /** Superdesk and others send `guid` where the standard has `uri`. */
  guid: z.string().optional(),
  type: z.string().optional(),
  headline: z.string().optional(),
  headlines: z.array(TextItem).optional(),
  descriptions: z.array(TextItem).optional(),
  description_text: z.string().optional(),
  by: z.string().optional(),
  byline: z.string().optional(),
  body_html: z.string().optional(),
  body_xhtml: z.string().optional(),
  body_text: z.string().optional(),
  bodies: z.array(TextItem).optional(),
  slugline: z.string().optional(),
  located: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  subjects: z.array(z.looseObject({ name: z.string().optional() })).optional(),
  /** 1.x's spelling of subjects. */
  subject: z.array(z.looseObject({ name: z.string().optional() })).optional(),
  copyrightholder: z.string().optional(),
  copyrightHolder: z.string().optional(),
  copyrightnotice: z.string().optional(),
  copyrightNotice: z.string().optional(),
  infosources: z.array(InfoSource).optional(),
  infoSources: z.array(InfoSource).optional(),
  renditions: z.union([z.array(Rendition), z.record(z.string(), Rendition)]).optional(),
  get associations() {
    return z.union([z.array(NinjsItemSchema), z.record(z.string(), NinjsItemSchema)]).optional()
  },
})
type NinjsItem = z.infer<typeof NinjsItemSchema>

export class NinjsImportError extends Error {}

const contentTypeOf = (item: z.infer<typeof TextItem>) =>
  (item.contentType ?? item.contenttype ?? '').toLowerCase()

const isMarkup = (item: z.infer<typeof TextItem>) =>
  /html|xhtml|richtext/.test(contentTypeOf(item)) || /html|richtext/.test(item.role ?? '')

/** Plain text from an agency: paragraphs split at blank lines (or kept whole). */
const textToHtml = (text: string) =>
  paragraphsHtml(
    text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  )

function headlinesOf(item: NinjsItem): { main: string; sub: string } {
  const headlines = item.headlines ?? []
  const byRole = (...roles: string[]) =>
    headlines.find((headline) => roles.includes((headline.role ?? '').toLowerCase()))?.value
  const main =
    byRole('main', 'simple', '') ??
    headlines[0]?.value ??
    item.headline ??
    patterned(item, 'headline', 'main') ??
    ''
  const sub = byRole('sub', 'subheadline', 'subtitle', 'standfirst') ?? ''
  return { main: main.trim(), sub: sub.trim() }
}

/**
 * ninjs 1.x's pattern properties (`headline_main`, `body_main`, `body_xhtml_en`…): the one named
 * for `role` if there is one, else the first.
 */
function patterned(item: NinjsItem, prefix: string, role: string): string | undefined {
  const keys = Object.keys(item).filter(
    (key) => key.startsWith(`${prefix}_`) && typeof item[key] === 'string',
  )
  const key = keys.find((candidate) => candidate === `${prefix}_${role}`) ?? keys[0]
  return key ? String(item[key]) : undefined
}

function bodyHtmlOf(item: NinjsItem): string {
  const bodies = item.bodies ?? []
  const markup = bodies.find(isMarkup)
  if (markup) return markup.value
  if (item.body_html) return item.body_html
  if (item.body_xhtml) return item.body_xhtml
  const text = bodies[0]?.value ?? item.body_text
  if (text) return textToHtml(text)
  const other = patterned(item, 'body', 'main')
  if (!other) return ''
  return /^\s*</.test(other) ? other : textToHtml(other)
}

function describe(item: NinjsItem, roles: string[]): string {
  const description = item.descriptions?.find(
    (entry) => roles.includes((entry.role ?? '').toLowerCase()) && !isMarkup(entry),
  )
  return description?.value.replace(/\s+/g, ' ').trim() ?? ''
}

/** The names agencies and Copydesk give a story's lead picture among its associations. */
const FEATURE_NAMES = /^feature(image|media)$/i

/**
 * Where a picture's file is: embedded, on the web, or (in a Copydesk package) beside the item;
 * none when the item names the picture by an identifier only (a `urn:`), as a single file
 * without its pictures does.
 */
function pictureLocation(
  association: NinjsItem,
  ownItem: boolean,
): { bytes: Uint8Array } | { url: string } | { path: string } | object {
  const href = renditionHref(association)
  const address = href ?? association.uri ?? association.guid ?? ''
  if (address.startsWith('data:')) return { bytes: dataUrlBytes(address) }
  if (/^(https?:)?\/\//i.test(address)) return { url: address }
  const packaged = ownItem ? firstRendition(association)?.title : undefined
  return packaged ? { path: packaged } : {}
}

const firstRendition = (item: NinjsItem) =>
  Array.isArray(item.renditions) ? item.renditions[0] : Object.values(item.renditions ?? {})[0]

/** A picture's copyright notice, and its creator and source where the item names their roles. */
function rightsOf(association: NinjsItem): Partial<PictureRights> {
  const sources = association.infoSources ?? association.infosources ?? []
  const named = (role: string) =>
    sources.find((source) => source.role?.toLowerCase() === role)?.name?.trim()
  const copyright = (association.copyrightNotice ?? association.copyrightnotice ?? '').trim()
  const creator = named('creator')
  const source = named('source')
  return {
    ...(copyright && { copyright }),
    ...(creator && { creator }),
    ...(source && { source }),
  }
}

/** Each `<figure>` of the body, in order, replaced by its association's picture. */
function figuresInPlace(html: string, figures: string[]): string {
  let next = 0
  const placed = html.replace(/<figure\b[\s\S]*?<\/figure>/g, () => figures[next++] ?? '')
  return placed + figures.slice(next).join('')
}

function renditionHref(item: NinjsItem): string | undefined {
  const renditions = Array.isArray(item.renditions)
    ? item.renditions
    : Object.values(item.renditions ?? {})
  const preferred = ['original', 'highres', 'baseimage', 'viewimage']
  const withHref = renditions.filter((rendition) => rendition.href)
  return (
    preferred.map((name) => withHref.find((rendition) => rendition.name === name)).find(Boolean)
      ?.href ?? withHref[0]?.href
  )
}

const LEADING_BLOCK = /^\s*<(h[1-6]|p|div)\b[^>]*>([\s\S]*?)<\/\1>/i
const wordsOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []

/**
 * Agencies' HTML bodies often open with the headline again, a kicker or section label, and the
 * agency's name, each as a block of its own: said once, in their fields, they are left off.
 */
function withoutRepeatedOpening(html: string, fields: string[]): string {
  const known = new Set(fields.map((field) => wordsOf(field).join(' ')).filter(Boolean))
  let rest = html.replace(/^\s*<section\b[^>]*>/i, '')
  const opened = rest !== html
  for (let removed = 0; removed < 4; removed++) {
    const block = LEADING_BLOCK.exec(rest)
    const words = wordsOf(block?.[2] ?? '')
    const text = (block?.[2] ?? '').replace(/<[^>]*>/g, '').trim()
    const label = words.length > 0 && words.length <= 3 && !/[.!?]$/.test(text)
    if (!block || !(known.has(words.join(' ')) || label)) break
    rest = rest.slice(block[0].length)
  }
  return opened ? `<section>${rest}` : rest
}

/** Reads a ninjs item's JSON text into a story, or says precisely why it cannot. */
export function parseNinjs(json: string): ParsedStory {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (error) {
    throw new NinjsImportError(`it is not valid JSON (${(error as Error).message})`)
  }
  const parsed = NinjsItemSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new NinjsImportError(
      `it is not a ninjs item: ${issue?.path.join('.') || 'the item'}: ${issue?.message}`,
    )
  }
  const item = parsed.data
  if (!item.uri && !item.guid) throw new NinjsImportError('it is not a ninjs item: it has no uri')
  const story = emptyStory()
  const { main, sub } = headlinesOf(item)
  story.headline = main
  // A text item's own description is its standfirst; a picture's is its caption.
  story.standfirst =
    sub ||
    describe(item, ['summary', 'abstract', 'standfirst', 'text', 'description', '']) ||
    (item.description_text ?? '').replace(/\s+/g, ' ').trim()
  story.byline = agencyAsRole(parseBylineText(item.by ?? item.byline ?? ''))
  story.dateline = item.located ?? ''
  if (item.slugline) story.slug = slugify(item.slugline)
  story.keywords = [
    ...new Set([
      ...(item.keywords ?? []),
      ...[...(item.subjects ?? []), ...(item.subject ?? [])].flatMap(
        (subject) => subject.name ?? [],
      ),
    ]),
  ]
  const associations = Array.isArray(item.associations)
    ? item.associations
    : Object.values(item.associations ?? {})
  const ownItem = item.profile === NINJS_PROFILE
  const figures: string[] = []
  for (const association of associations) {
    if (!['picture', 'graphic'].includes(association.type ?? 'picture')) continue
    const caption =
      describe(association, ['caption', 'text', '']) ||
      association.description_text ||
      headlinesOf(association).main
    story.pictures.push({
      caption,
      credit: association.by ?? association.copyrightHolder ?? association.copyrightholder ?? '',
      alt: describe(association, ['alt-text', 'alttext', 'alt']),
      ...rightsOf(association),
      ...pictureLocation(association, ownItem),
      name: `picture ${story.pictures.length + 1}`,
      ...(FEATURE_NAMES.test(association.name ?? '') && { lead: true }),
    })
    figures.push(picturePlaceholder(story.pictures.length - 1))
  }
  // Copydesk's own items are read as written: their bodies open with the story, and hold each
  // figure where it stands; agencies' bodies are tidied and their pictures go at the end.
  story.bodyHtml = ownItem
    ? figuresInPlace(bodyHtmlOf(item), figures)
    : withoutRepeatedOpening(bodyHtmlOf(item), [
        story.headline,
        story.standfirst,
        item.by ?? item.byline ?? '',
        item.copyrightHolder ?? item.copyrightholder ?? '',
      ]) + figures.join('')
  if (!story.headline && !story.bodyHtml) {
    throw new NinjsImportError('it has neither a headline nor a body')
  }
  return story
}

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { BylineEntry } from '../article'
import { bylineFromText } from './byline-line'
import { emptyStory, escapeHtml, picturePlaceholder, type ParsedStory } from './parsed-story'

/** fast-xml-parser's ordered form: each element is `{ name: children, ':@': attributes }`. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> }

export class NitfImportError extends Error {}

const nameOf = (node: OrderedNode) => Object.keys(node).find((key) => key !== ':@') ?? ''
const childrenOf = (node: OrderedNode) => (node[nameOf(node)] as OrderedNode[] | undefined) ?? []
const attribute = (node: OrderedNode, name: string) => node[':@']?.[`@${name}`] ?? ''
/** NITF names may carry a namespace prefix; the local name is what matters. */
const localName = (node: OrderedNode) => nameOf(node).replace(/^.*:/, '')

function find(nodes: OrderedNode[], path: string[]): OrderedNode | undefined {
  const [first, ...rest] = path
  const found = nodes.find((node) => localName(node) === first)
  return found && rest.length ? find(childrenOf(found), rest) : found
}

function textOf(node: OrderedNode | undefined): string {
  if (!node) return ''
  if (nameOf(node) === '#text') return String(node['#text'])
  return childrenOf(node).map(textOf).join('').replace(/\s+/g, ' ').trim()
}

/** NITF inline markup in the article's HTML: emphasis, links and line breaks; the rest as text. */
function inlineHtml(nodes: OrderedNode[]): string {
  return nodes
    .map((node) => {
      const name = localName(node)
      if (name === '#text') return escapeHtml(String(node['#text']))
      const inner = inlineHtml(childrenOf(node))
      if (name === 'em')
        return attribute(node, 'class') === 'bold'
          ? `<strong>${inner}</strong>`
          : `<em>${inner}</em>`
      if (name === 'a') return `<a href="${escapeHtml(attribute(node, 'href'))}">${inner}</a>`
      if (name === 'br') return '<br>'
      return inner
    })
    .join('')
}

/**
 * NITF 3.x: hl1 and hl2 (or the abstract) for headline and standfirst, byline, dateline, and
 * body.content's paragraphs, subheadings, quotes, lists and media with caption and producer.
 */
export function parseNitf(xml: string): ParsedStory {
  // Entity declarations are how XML bombs and file reads get in; NITF needs none.
  if (/<!ENTITY/i.test(xml))
    throw new NitfImportError('it declares XML entities, which NITF files never need')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    throw new NitfImportError(
      `it is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    )
  }
  const root = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    trimValues: false,
    // Character references (`&#163;`, `&#xE6;`) and HTML's named entities, as agencies write them.
    htmlEntities: true,
  }).parse(xml) as OrderedNode[]
  const nitf = find(root, ['nitf'])
  if (!nitf) throw new NitfImportError('it is XML but not NITF (no <nitf> element)')
  const story = emptyStory()
  const top = childrenOf(nitf)
  const bodyHead = find(top, ['body', 'body.head'])
  const hedline = find(childrenOf(bodyHead ?? {}), ['hedline'])
  story.headline =
    textOf(find(childrenOf(hedline ?? {}), ['hl1'])) || textOf(find(top, ['head', 'title']))
  story.standfirst =
    textOf(find(childrenOf(hedline ?? {}), ['hl2'])) ||
    textOf(find(childrenOf(bodyHead ?? {}), ['abstract']))
  story.byline = bylineOf(find(childrenOf(bodyHead ?? {}), ['byline']))
  story.dateline =
    textOf(find(childrenOf(bodyHead ?? {}), ['dateline', 'location'])) ||
    textOf(find(childrenOf(bodyHead ?? {}), ['dateline']))
  const keyList = find(top, ['head', 'docdata', 'key-list'])
  story.keywords = childrenOf(keyList ?? {})
    .filter((node) => localName(node) === 'keyword')
    .map((node) => attribute(node, 'key'))
    .filter(Boolean)
  const content = find(top, ['body', 'body.content'])
  story.bodyHtml = blocksHtml(childrenOf(content ?? {}), story)
  if (!story.headline && !story.bodyHtml)
    throw new NitfImportError('it has neither a headline nor a body')
  return story
}

/**
 * `<byline>By <person>Jane Doe</person>, <byttl>AP Business Writer</byttl></byline>`: the names,
 * and the title (`byttl`) as the role of the last of them, not glued onto the name.
 */
function bylineOf(byline: OrderedNode | undefined): BylineEntry[] {
  if (!byline) return []
  const isTitle = (node: OrderedNode) => localName(node) === 'byttl'
  const title = textOf(childrenOf(byline).find(isTitle))
  const names = textOf({ byline: childrenOf(byline).filter((node) => !isTitle(node)) }).replace(
    /[\s,;]+$/,
    '',
  )
  const entries = bylineFromText(names)
  const last = entries.at(-1)
  if (title && last) last.role = last.role ? `${last.role}, ${title}` : title
  return entries
}

function blocksHtml(nodes: OrderedNode[], story: ParsedStory): string {
  return nodes
    .map((node) => {
      const name = localName(node)
      const children = childrenOf(node)
      switch (name) {
        case 'p':
          return `<p>${inlineHtml(children)}</p>`
        case 'hl2':
          return `<h2>${inlineHtml(children)}</h2>`
        case 'bq':
        case 'block':
          return name === 'bq'
            ? `<blockquote>${blocksHtml(children, story)}</blockquote>`
            : blocksHtml(children, story)
        case 'ul':
        case 'ol':
          return `<${name}>${children
            .filter((item) => localName(item) === 'li')
            .map((item) => `<li><p>${inlineHtml(childrenOf(item))}</p></li>`)
            .join('')}</${name}>`
        case 'table':
          return `<table>${children
            .flatMap((part) =>
              ['thead', 'tbody', 'tfoot'].includes(localName(part)) ? childrenOf(part) : [part],
            )
            .filter((row) => localName(row) === 'tr')
            .map(
              (row) =>
                `<tr>${childrenOf(row)
                  .filter((cell) => ['td', 'th'].includes(localName(cell)))
                  .map(
                    (cell) =>
                      `<${localName(cell)}><p>${inlineHtml(childrenOf(cell))}</p></${localName(cell)}>`,
                  )
                  .join('')}</tr>`,
            )
            .join('')}</table>`
        case 'media': {
          const reference = find(children, ['media-reference'])
          const source = reference ? attribute(reference, 'source') : ''
          story.pictures.push({
            caption: textOf(find(children, ['media-caption'])),
            credit: textOf(find(children, ['media-producer'])),
            alt: reference ? attribute(reference, 'alternate-text') : '',
            ...(/^(https?:)?\/\//i.test(source) ? { url: source } : source ? { path: source } : {}),
            name: source.split('/').pop() || `picture ${story.pictures.length + 1}`,
          })
          return picturePlaceholder(story.pictures.length - 1)
        }
        case '#text':
          return String(node['#text']).trim()
            ? `<p>${escapeHtml(String(node['#text']).trim())}</p>`
            : ''
        default:
          return blocksHtml(children, story)
      }
    })
    .join('')
}

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { BylineEntry } from '../article'
import { bylineFromText } from './byline-line'
import { emptyStory, escapeHtml, picturePlaceholder, type ParsedStory } from './parsed-story'
import { PICTURE_RIGHTS } from '../editor/figure'

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
  story.byline = bylinesOf(
    childrenOf(bodyHead ?? {}).filter((node) => localName(node) === 'byline'),
  )
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
 * Each `<byline>`: its `<person>`s, each with the `<byttl>` after it as their role, as NITF
 * marks them; or, without persons, its text read as a byline line
 * (`<byline>By Jane Doe, <byttl>AP Business Writer</byttl></byline>`), the title going to the
 * last name rather than glued onto it.
 */
function bylinesOf(bylines: OrderedNode[]): BylineEntry[] {
  return bylines.flatMap((byline) => {
    const children = childrenOf(byline)
    const isTitle = (node: OrderedNode) => localName(node) === 'byttl'
    const entries: BylineEntry[] = children.some((node) => localName(node) === 'person')
      ? children
          .filter((node) => localName(node) === 'person')
          .map((person) => ({ name: textOf(person) }))
      : bylineFromText(
          textOf({ byline: children.filter((node) => !isTitle(node)) }).replace(/[\s,;]+$/, ''),
        )
    const title = textOf(children.find(isTitle))
    const last = entries.at(-1)
    if (title && last) last.role = last.role ? `${last.role}, ${title}` : title
    return entries.filter((entry) => entry.name)
  })
}

/**
 * A list item's or table cell's content, which NITF lets be text or blocks: runs of text become
 * paragraphs, blocks (paragraphs, nested lists and tables) stay blocks.
 */
function containerHtml(nodes: OrderedNode[], story: ParsedStory): string {
  const html: string[] = []
  let run: OrderedNode[] = []
  const endRun = () => {
    const inline = inlineHtml(run).trim()
    if (inline) html.push(`<p>${inline}</p>`)
    run = []
  }
  for (const node of nodes) {
    if (CONTAINER_BLOCKS.has(localName(node))) {
      endRun()
      html.push(blocksHtml([node], story))
    } else run.push(node)
  }
  endRun()
  return html.join('') || '<p></p>'
}

const CONTAINER_BLOCKS = new Set(['p', 'hl2', 'bq', 'ul', 'ol', 'table', 'media', 'hr', 'block'])

function blocksHtml(nodes: OrderedNode[], story: ParsedStory): string {
  return nodes
    .map((node) => {
      const name = localName(node)
      const children = childrenOf(node)
      switch (name) {
        case 'p':
          return `<p>${inlineHtml(children)}</p>`
        case 'hl2': {
          // Copydesk's own NITF marks its level-3 subheadings by class.
          const level = attribute(node, 'class') === 'h3' ? 3 : 2
          return `<h${level}>${inlineHtml(children)}</h${level}>`
        }
        case 'bq':
          if (attribute(node, 'class') === 'pullquote') {
            const quote = textOf(node)
            return quote ? `<aside class="pull-quote"><p>${escapeHtml(quote)}</p></aside>` : ''
          }
          return `<blockquote>${blocksHtml(children, story)}</blockquote>`
        case 'block':
          return blocksHtml(children, story)
        case 'hr':
          return '<hr>'
        case 'ul':
        case 'ol':
          return `<${name}>${children
            .filter((item) => localName(item) === 'li')
            .map((item) => `<li>${containerHtml(childrenOf(item), story)}</li>`)
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
                      `<${localName(cell)}>${containerHtml(childrenOf(cell), story)}</${localName(cell)}>`,
                  )
                  .join('')}</tr>`,
            )
            .join('')}</table>`
        case 'media': {
          const reference = find(children, ['media-reference'])
          const source = reference ? attribute(reference, 'source') : ''
          // NITF's generic metadata: the picture's rights, by the names Copydesk writes them.
          const metadata = (name: string) =>
            children
              .filter((child) => localName(child) === 'media-metadata')
              .find((child) => attribute(child, 'name').toLowerCase() === name)
          const rights = PICTURE_RIGHTS.flatMap((name) => {
            const found = metadata(name)
            const value = found ? attribute(found, 'value').trim() : ''
            return value ? [[name, value]] : []
          })
          story.pictures.push({
            ...Object.fromEntries(rights),
            caption: textOf(find(children, ['media-caption'])),
            credit: textOf(find(children, ['media-producer'])),
            alt: reference ? attribute(reference, 'alternate-text') : '',
            ...(/^(https?:)?\/\//i.test(source) ? { url: source } : source ? { path: source } : {}),
            name: source.split('/').pop() || `picture ${story.pictures.length + 1}`,
            ...(attribute(node, 'class').split(/\s+/).includes('lead') && { lead: true }),
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

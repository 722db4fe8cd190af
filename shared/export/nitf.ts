import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'
import type { Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { exportedBlocks } from './body'
import { exportedImageSource } from './image-sources'
import { primaryRendition, type ExportContext } from './renditions'
import { safeHref } from './safe-href'
import { rightsOf } from './figures'

export const NITF_NAMESPACE = 'http://iptc.org/std/NITF/2006-10-18/'

/** NITF's date form: 20261129T101500Z. */
const nitfDate = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/**
 * NITF 3.6, the XML news format print and wire systems still take: head with docdata, then
 * body.head (headlines, byline, dateline, abstract) and body.content. Valid against IPTC's
 * NITF 3.6 schema. Written without indentation inside text: in NITF's mixed content every space
 * is the story's, so pretty-printing would put spaces before punctuation. Line breaks go only
 * between blocks, where the schema allows no text.
 */
export function renderArticleNitf(article: Article, context: ExportContext): string {
  const xml = create({ version: '1.0', encoding: 'UTF-8' })
  // The schema fixes change.date and change.time to the date of the NITF version itself; the
  // story's own date is in docdata's date.issue.
  const nitf = xml.ele(NITF_NAMESPACE, 'nitf', {
    version: '-//IPTC//DTD NITF 3.6//EN',
    'change.date': 'September 11, 2009',
    'change.time': '12:26',
  })
  const head = nitf.ele('head')
  head.ele('title').txt(article.headline)
  const docdata = head.ele('docdata')
  docdata.ele('doc-id', { 'id-string': article.id })
  // 5 is the normal urgency on NITF's 1 (flash) to 8 scale.
  docdata.ele('urgency', { 'ed-urg': '5' })
  docdata.ele('date.issue', { norm: nitfDate(article.updatedAt) })
  if (article.keywords.length) {
    const keyList = docdata.ele('key-list')
    for (const keyword of article.keywords) keyList.ele('keyword', { key: keyword })
  }

  const body = nitf.ele('body')
  const bodyHead = body.ele('body.head')
  const hedline = bodyHead.ele('hedline')
  hedline.ele('hl1').txt(article.headline)
  if (article.standfirst) hedline.ele('hl2').txt(article.standfirst)
  article.byline.forEach(({ name, role }, index) => {
    // One byline per person, so that each keeps their own title (byttl) as their role.
    const byline = bodyHead.ele('byline').txt(index === 0 ? 'By ' : 'and ')
    byline.ele('person').txt(name)
    if (role) byline.txt(', ').ele('byttl').txt(role)
  })
  if (article.dateline) bodyHead.ele('dateline').ele('location').txt(article.dateline)
  if (article.standfirst) bodyHead.ele('abstract').ele('p').txt(article.standfirst)

  const content = body.ele('body.content')
  writeBlocks(content, exportedBlocks(article.body), context)
  body.ele('body.end')
  breakLinesBetweenElements(nitf.node)
  return xml.end({ prettyPrint: false })
}

/** NITF elements whose content is elements only, never text: safe to break lines in. */
const ELEMENT_ONLY = new Set([
  'nitf',
  'head',
  'docdata',
  'key-list',
  'body',
  'body.head',
  'hedline',
  'body.content',
  'bq',
  'block',
  'ul',
  'ol',
  'table',
  'tr',
  'media',
])

type XmlNode = XMLBuilder['node']

/** Each child of an element-only element on a line of its own, for people who open the file. */
function breakLinesBetweenElements(node: XmlNode): void {
  const document = node.ownerDocument
  const breaksLines = document && ELEMENT_ONLY.has(node.nodeName)
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (breaksLines) node.insertBefore(document.createTextNode('\n'), child)
    breakLinesBetweenElements(child)
  }
  if (breaksLines && node.firstChild) node.appendChild(document.createTextNode('\n'))
}

function writeBlocks(parent: XMLBuilder, nodes: TiptapNode[], context: ExportContext): void {
  for (const node of nodes) writeBlock(parent, node, context)
}

function writeBlock(parent: XMLBuilder, node: TiptapNode, context: ExportContext): void {
  const children = node.content ?? []
  switch (node.type) {
    case 'paragraph':
      if (children.length) writeInline(parent.ele('p'), children)
      return
    case 'heading':
      // NITF has one subheading element; the level below is told apart by its class.
      writeInline(parent.ele('hl2', node.attrs?.level === 3 ? { class: 'h3' } : {}), children)
      return
    case 'blockquote':
      writeBlocks(parent.ele('bq').ele('block'), children, context)
      return
    case 'pullQuote':
      writeInline(parent.ele('bq', { class: 'pullquote' }).ele('block').ele('p'), children)
      return
    case 'bulletList':
    case 'orderedList': {
      const list = parent.ele(node.type === 'bulletList' ? 'ul' : 'ol')
      // A list item holds blocks in NITF as in the editor: its paragraphs and nested lists.
      for (const item of children) writeBlocks(list.ele('li'), item.content ?? [], context)
      return
    }
    case 'horizontalRule':
      parent.ele('hr')
      return
    case 'table': {
      const table = parent.ele('table')
      for (const row of children) {
        const tr = table.ele('tr')
        for (const cell of row.content ?? [])
          writeBlocks(
            tr.ele(cell.type === 'tableHeader' ? 'th' : 'td'),
            cell.content ?? [],
            context,
          )
      }
      return
    }
    case 'figure':
      writeFigure(parent, node, context)
      return
    default:
      writeBlocks(parent, children, context)
  }
}

function writeFigure(parent: XMLBuilder, node: TiptapNode, context: ExportContext): void {
  const src = String(node.attrs?.src ?? '')
  const alt = String(node.attrs?.alt ?? '')
  const credit = String(node.attrs?.credit ?? '')
  const rendition = primaryRendition(context.renditions?.[src])
  const source = exportedImageSource(src, context)
  const media = parent.ele('media', {
    'media-type': 'image',
    ...(node.attrs?.lead === true && { class: 'lead' }),
  })
  // The picture's own rights, kept apart from the credit (media-producer); NITF has no element
  // of its own for them, so they are its generic metadata, which comes first.
  for (const [name, value] of Object.entries(rightsOf(node.attrs ?? {}))) {
    if (value) media.ele('media-metadata', { name, value })
  }
  // Without a copy of the picture in the export, the reference keeps its alt text but names
  // no file (source is optional in NITF) rather than one the reader does not have.
  media.ele('media-reference', {
    ...(source && { source }),
    ...(rendition && {
      'mime-type': rendition.mimeType,
      width: String(rendition.width),
      height: String(rendition.height),
    }),
    ...(alt && { 'alternate-text': alt }),
  })
  if (node.content?.length) writeInline(media.ele('media-caption'), node.content)
  if (credit) media.ele('media-producer').txt(credit)
}

function writeInline(parent: XMLBuilder, nodes: TiptapNode[]): void {
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      parent.ele('br')
      continue
    }
    let target = parent
    const marks = node.marks ?? []
    const link = marks.find((mark) => mark.type === 'link')
    const href = link && safeHref(String(link.attrs?.href ?? ''))
    if (href) target = target.ele('a', { href })
    // NITF's one emphasis element; bold is told apart by its class.
    if (marks.some((mark) => mark.type === 'bold')) target = target.ele('em', { class: 'bold' })
    if (marks.some((mark) => mark.type === 'italic')) target = target.ele('em')
    target.txt(node.text ?? '')
  }
}

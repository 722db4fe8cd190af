import { DOMParser, XMLSerializer } from '@xmldom/xmldom'

/** A tracked change in a Word document: who proposed it and when. */
export interface WordChange {
  kind: 'insertion' | 'deletion'
  author: string
  /** ISO 8601 as Word wrote it, or undefined where Word left it out. */
  date: string | undefined
}

/** A Word comment; replies name their parent, as Word 2013 and later record threads. */
export interface WordComment {
  id: string
  author: string
  date: string | undefined
  text: string
  parentId?: string
  resolved: boolean
}

/**
 * document.xml with each tracked change and comment range bracketed by marker text, which mammoth
 * passes through as ordinary text (it would otherwise accept every insertion, drop every deletion
 * and lose every comment's place). `readRevisionMarkers` turns the markers back into marks.
 */
export interface MarkedRevisions {
  documentXml: string
  changes: WordChange[]
  comments: WordComment[]
}

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
/** Private-use characters: they never occur in real copy, and mammoth keeps them as text. */
export const MARKER_START = '\uE000'
export const MARKER_END = '\uE001'
export const MARKER_PATTERN = /\uE000([^\uE001]*)\uE001/g

/** What a marker says: a change or comment range opens or closes, or a paragraph is all one change. */
export type Marker =
  | { type: 'change-start'; change: number }
  | { type: 'change-end' }
  | { type: 'paragraph-change'; change: number }
  | { type: 'comment-start'; comment: string }
  | { type: 'comment-end'; comment: string }

const encode = (marker: Marker): string => {
  switch (marker.type) {
    case 'change-start':
      return `c${marker.change}`
    case 'change-end':
      return '/c'
    case 'paragraph-change':
      return `p${marker.change}`
    case 'comment-start':
      return `m${marker.comment}`
    case 'comment-end':
      return `/m${marker.comment}`
  }
}

export function decodeMarker(code: string): Marker | undefined {
  const [, kind, value = ''] = /^(\/c|\/m|c|p|m)(.*)$/.exec(code) ?? []
  if (kind === 'c') return { type: 'change-start', change: Number(value) }
  if (kind === '/c') return { type: 'change-end' }
  if (kind === 'p') return { type: 'paragraph-change', change: Number(value) }
  if (kind === 'm') return { type: 'comment-start', comment: value }
  if (kind === '/m') return { type: 'comment-end', comment: value }
  return undefined
}

/** Does the document carry anything `markRevisions` would mark? */
export const hasRevisions = (documentXml: string) =>
  /<w:(ins|del|moveFrom|moveTo|commentRangeStart)\b/.test(documentXml)

/**
 * Marks Word's tracked changes (insertions, deletions, moves) and comment ranges in document.xml,
 * and reads who made each and when, with the comments' text, threads and resolved state from
 * comments.xml and commentsExtended.xml.
 */
export function markRevisions(
  documentXml: string,
  commentsXml: string | undefined,
  commentsExtendedXml: string | undefined,
): MarkedRevisions {
  const document = parseXml(documentXml)
  const changes: WordChange[] = []
  const markerRun = (marker: Marker) => {
    const run = document.createElementNS(WORD_NS, 'w:r')
    const text = document.createElementNS(WORD_NS, 'w:t')
    text.appendChild(document.createTextNode(`${MARKER_START}${encode(marker)}${MARKER_END}`))
    run.appendChild(text)
    return run
  }
  const changeOf = (element: Element, kind: WordChange['kind']) =>
    changes.push({
      kind,
      author: element.getAttributeNS(WORD_NS, 'author') ?? '',
      date: element.getAttributeNS(WORD_NS, 'date') || undefined,
    }) - 1

  const containers = [
    ...elements(document, 'ins').map((element) => ({ element, kind: 'insertion' as const })),
    ...elements(document, 'moveTo').map((element) => ({ element, kind: 'insertion' as const })),
    ...elements(document, 'del').map((element) => ({ element, kind: 'deletion' as const })),
    ...elements(document, 'moveFrom').map((element) => ({ element, kind: 'deletion' as const })),
  ]
  for (const { element, kind } of containers) {
    const parent = element.parentNode
    if (!parent) continue
    const parentName = (parent as Element).localName
    if (parentName === 'rPr') {
      // The paragraph mark itself inserted or deleted: the whole paragraph, if all its text is too.
      const properties = parent.parentNode as Element | null
      if (properties?.localName === 'pPr') {
        const change = changeOf(element, kind)
        properties.parentNode?.insertBefore(
          markerRun({ type: 'paragraph-change', change }),
          properties.nextSibling,
        )
      }
      // mammoth joins a paragraph whose mark is deleted to the next, as accepting would.
      parent.removeChild(element)
      continue
    }
    if (!element.firstChild) continue
    const change = changeOf(element, kind)
    parent.insertBefore(markerRun({ type: 'change-start', change }), element)
    if (kind === 'deletion') {
      // Deleted text as text, for mammoth to read; a deleted field's code stays a field's code.
      for (const [from, to] of [
        ['delText', 'w:t'],
        ['delInstrText', 'w:instrText'],
      ] as const) {
        for (const deleted of elements(element, from)) {
          const text = document.createElementNS(WORD_NS, to)
          text.setAttribute('xml:space', 'preserve')
          text.appendChild(document.createTextNode(deleted.textContent ?? ''))
          deleted.parentNode?.replaceChild(text, deleted)
        }
      }
    }
    while (element.firstChild) parent.insertBefore(element.firstChild, element)
    parent.insertBefore(markerRun({ type: 'change-end' }), element)
    parent.removeChild(element)
  }

  const paragraphs = elements(document, 'p')
  const position = documentOrder(document)
  for (const [name, type] of [
    ['commentRangeStart', 'comment-start'],
    ['commentRangeEnd', 'comment-end'],
  ] as const) {
    for (const range of elements(document, name)) {
      const run = markerRun({ type, comment: range.getAttributeNS(WORD_NS, 'id') ?? '' })
      const inParagraph = ancestor(range, 'p')
      if (inParagraph) range.parentNode?.insertBefore(run, range)
      else {
        // Between paragraphs: the range opens at the start of the next, or closes at the end of
        // the last one before it.
        const at = position.get(range) ?? 0
        if (type === 'comment-start') {
          const following = paragraphs.find((paragraph) => (position.get(paragraph) ?? 0) > at)
          const properties = Array.from(following?.childNodes ?? []).find(
            (child) => (child as Element).localName === 'pPr',
          )
          following?.insertBefore(run, properties ? properties.nextSibling : following.firstChild)
        } else {
          paragraphs.findLast((paragraph) => (position.get(paragraph) ?? 0) < at)?.appendChild(run)
        }
      }
      range.parentNode?.removeChild(range)
    }
  }

  return {
    documentXml: new XMLSerializer().serializeToString(document),
    changes,
    comments: commentsXml ? readComments(commentsXml, commentsExtendedXml) : [],
  }
}

/** Each element's place in document order (xmldom has no compareDocumentPosition). */
function documentOrder(document: Document): Map<Element, number> {
  const order = new Map<Element, number>()
  const walk = (element: Element) => {
    order.set(element, order.size)
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) walk(child as Element)
    }
  }
  if (document.documentElement) walk(document.documentElement)
  return order
}

/** Word's comments with their text, and from commentsExtended.xml, their threads and state. */
function readComments(commentsXml: string, commentsExtendedXml: string | undefined): WordComment[] {
  const byParagraphId = new Map<string, { parent?: string; done: boolean }>()
  if (commentsExtendedXml) {
    for (const extension of elements(parseXml(commentsExtendedXml), 'commentEx')) {
      const attribute = (name: string) =>
        Array.from(extension.attributes).find((each) => each.localName === name)?.value
      const paragraphId = attribute('paraId')
      if (!paragraphId) continue
      byParagraphId.set(paragraphId, {
        ...(attribute('paraIdParent') && { parent: attribute('paraIdParent') }),
        done: attribute('done') === '1',
      })
    }
  }
  const commentByParagraphId = new Map<string, string>()
  const comments = elements(parseXml(commentsXml), 'comment').map((comment) => {
    const id = comment.getAttributeNS(WORD_NS, 'id') ?? ''
    const paragraphs = elements(comment, 'p')
    // Word links a comment to its thread by the id of the comment's last paragraph.
    const lastParagraphId = Array.from(paragraphs.at(-1)?.attributes ?? []).find(
      (attribute) => attribute.localName === 'paraId',
    )?.value
    if (lastParagraphId) commentByParagraphId.set(lastParagraphId, id)
    const extension = lastParagraphId ? byParagraphId.get(lastParagraphId) : undefined
    return {
      id,
      author: comment.getAttributeNS(WORD_NS, 'author') ?? '',
      date: comment.getAttributeNS(WORD_NS, 'date') || undefined,
      text: paragraphs
        .map((paragraph) =>
          elements(paragraph, 't')
            .map((text) => text.textContent ?? '')
            .join(''),
        )
        .join('\n')
        .trim(),
      resolved: extension?.done ?? false,
      parentParagraphId: extension?.parent,
    }
  })
  return comments.map(({ parentParagraphId, ...comment }) => {
    const parentId = parentParagraphId && commentByParagraphId.get(parentParagraphId)
    return parentId ? { ...comment, parentId } : comment
  })
}

function parseXml(xml: string): Document {
  const problems: string[] = []
  const document = new DOMParser({
    errorHandler: {
      error: (message) => problems.push(message),
      fatalError: (message) => problems.push(message),
    },
  }).parseFromString(xml, 'text/xml')
  if (problems.length) throw new Error(`its XML is damaged (${problems[0]})`)
  return document
}

const elements = (root: Document | Element, localName: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(WORD_NS, localName)).concat(
    // commentsExtended.xml's elements are in Word 2012's namespace.
    localName === 'commentEx'
      ? Array.from(root.getElementsByTagNameNS('*', localName)).filter(
          (element) => element.namespaceURI !== WORD_NS,
        )
      : [],
  )

function ancestor(node: Element, localName: string): Element | undefined {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if ((parent as Element).localName === localName && (parent as Element).namespaceURI === WORD_NS)
      return parent as Element
  }
  return undefined
}

import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import { formatByline, type Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { exportedBlocks } from './body'
import { safeHref } from './safe-href'
import { wordRevisions, type WordChange, type WordRevisions } from './word-revisions'

/** An image as Word gets it: JPEG or PNG bytes with their pixel size. */
export interface DocxImage {
  data: Uint8Array
  type: 'jpg' | 'png'
  width: number
  height: number
}

/** Word's text column on A4 with default margins is about 600 px at 96 dpi. */
const COLUMN_WIDTH_PX = 600
const ORDERED_LIST = 'copydesk-ordered'

export interface DocxOptions {
  /**
   * Pending suggestions as Word's tracked changes and comment threads as Word's comments, for a
   * story that goes out to be worked on in Word and comes back; without it, neither is written.
   */
  withChanges?: boolean
}

/**
 * The story as a Word document: headline as Title, standfirst, byline and dateline, the body with
 * headings, lists, quotes and links, and each figure with its caption and credit.
 */
export function buildDocxDocument(
  article: Article,
  images: Record<string, DocxImage | undefined>,
  options: DocxOptions = {},
): Document {
  const revisions = options.withChanges ? wordRevisions(article) : undefined
  const runs = (nodes: TiptapNode[], inherited?: WordChange) =>
    textRuns(nodes, revisions, inherited)
  const header: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [
        ...(revisions?.unanchoredStarts() ?? []),
        ...runs(lineNodes(article.headline, revisions && article.tracked.headline)),
        ...(revisions?.unanchoredEnds() ?? []),
      ],
    }),
    ...(article.standfirst || article.tracked.standfirst
      ? [
          new Paragraph({
            style: 'Standfirst',
            children: runs(lineNodes(article.standfirst, revisions && article.tracked.standfirst)),
          }),
        ]
      : []),
    ...(article.byline.length
      ? [new Paragraph({ style: 'Byline', children: bylineRuns(article, revisions) })]
      : []),
    ...(article.dateline ? [new Paragraph({ text: article.dateline, style: 'Dateline' })] : []),
  ]
  let orderedLists = 0
  const blocks = (nodes: TiptapNode[], context: BlockContext): (Paragraph | Table)[] =>
    nodes.flatMap((node) => block(node, context))
  const block = (node: TiptapNode, outer: BlockContext): (Paragraph | Table)[] => {
    // A paragraph, list or figure proposed (or struck) whole: its text is the change.
    const blockChange = revisions?.changeOf(node)
    const context = blockChange ? { ...outer, change: blockChange } : outer
    const children = node.content ?? []
    const mark = context.change ?? splitChange(children.at(-1))
    const paragraph = (options: IParagraphOptions) =>
      new Paragraph({
        ...options,
        ...context.paragraph,
        ...(mark && { run: paragraphMark(mark) }),
        children: runs(children, context.change),
      })
    switch (node.type) {
      case 'paragraph':
        return [paragraph({})]
      case 'heading':
        return [
          paragraph({
            heading: node.attrs?.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
          }),
        ]
      case 'blockquote':
        return blocks(children, { ...context, paragraph: { style: 'Quote' } })
      case 'pullQuote':
        return [paragraph({ style: 'PullQuote' })]
      case 'bulletList':
        return children.flatMap((item) =>
          blocks(item.content ?? [], {
            ...context,
            paragraph: { bullet: { level: context.listLevel } },
            listLevel: context.listLevel + 1,
          }),
        )
      case 'orderedList': {
        const instance = ++orderedLists
        return children.flatMap((item) =>
          blocks(item.content ?? [], {
            ...context,
            paragraph: {
              numbering: { reference: ORDERED_LIST, level: context.listLevel, instance },
            },
            listLevel: context.listLevel + 1,
          }),
        )
      }
      case 'horizontalRule':
        return [
          new Paragraph({
            style: 'Rule',
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
          }),
        ]
      case 'figure':
        return figure(node, context.change)
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: children.map(
              (row) =>
                new TableRow({
                  // Only a header row is marked: Word readers take the mark itself as "header".
                  ...(row.content?.every((cell) => cell.type === 'tableHeader') && {
                    tableHeader: true,
                  }),
                  children: (row.content ?? []).map(
                    (cell) =>
                      new TableCell({
                        children: (cell.content ?? []).map(
                          (paragraph) =>
                            new Paragraph({
                              ...(cell.type === 'tableHeader' && { style: 'TableHeading' }),
                              children: runs(
                                paragraph.content ?? [],
                                revisions?.changeOf(paragraph, context.change),
                              ),
                            }),
                        ),
                      }),
                  ),
                }),
            ),
          }),
        ]
      default:
        return blocks(children, context)
    }
  }
  /**
   * Suggest edits records a paragraph split (Enter) as an inserted zero-width space at the end of
   * the paragraph: in Word, that is the paragraph mark inserted, so rejecting it joins the two.
   */
  const splitChange = (last: TiptapNode | undefined) =>
    last?.text?.endsWith('\u200b') ? revisions?.changeOf(last) : undefined
  const figure = (node: TiptapNode, change: WordChange | undefined): Paragraph[] => {
    const image = images[String(node.attrs?.src ?? '')]
    const alt = String(node.attrs?.alt ?? '')
    const credit = String(node.attrs?.credit ?? '')
    const scale = image ? Math.min(1, COLUMN_WIDTH_PX / image.width) : 1
    const picture = image
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            ...(node.attrs?.lead === true && { style: 'LeadPicture' }),
            children: [
              new ImageRun({
                type: image.type,
                data: image.data,
                transformation: {
                  width: Math.round(image.width * scale),
                  height: Math.round(image.height * scale),
                },
                altText: { name: 'Picture', title: alt, description: alt },
              }),
            ],
          }),
        ]
      : []
    // A credit changed in Suggest edits: the old words struck and the new inserted, as in Word.
    const creditChange = revisions
      ? node.marks?.find(
          (mark) => mark.type === 'modification' && mark.attrs?.attrName === 'credit',
        )
      : undefined
    const creditNodes: TiptapNode[] = creditChange
      ? [
          {
            type: 'text',
            text: ` ${String(creditChange.attrs?.previousValue ?? '')}`,
            marks: [{ type: 'deletion', attrs: creditChange.attrs }],
          },
          {
            type: 'text',
            text: ` ${credit}`,
            marks: [{ type: 'insertion', attrs: creditChange.attrs }],
          },
        ].filter((node) => node.text.trim())
      : credit
        ? [{ type: 'text', text: ` ${credit}` }]
        : []
    const caption = [
      ...runs(node.content ?? [], change),
      ...textRuns(creditNodes, revisions, change, { style: 'Credit' }),
    ]
    return [
      ...picture,
      ...(caption.length ? [new Paragraph({ style: 'Caption', children: caption })] : []),
    ]
  }

  return new Document({
    ...(revisions && { comments: { children: revisions.comments } }),
    title: article.headline,
    description: article.standfirst,
    keywords: article.keywords.join(', '),
    creator: article.byline.map(({ name }) => name).join(', '),
    styles: {
      paragraphStyles: [
        { id: 'Standfirst', name: 'Standfirst', basedOn: 'Normal', run: { size: 28, bold: true } },
        {
          id: 'Byline',
          name: 'Byline',
          basedOn: 'Normal',
          run: { italics: true, color: '555555' },
        },
        {
          id: 'Dateline',
          name: 'Dateline',
          basedOn: 'Normal',
          run: { bold: true, color: '555555' },
        },
        // Header cells bold by their style, not by direct formatting that reads back as bold text.
        { id: 'TableHeading', name: 'Table Heading', basedOn: 'Normal', run: { bold: true } },
        // A rule is an empty paragraph with a border in Word: its style says it is a rule.
        { id: 'Rule', name: 'Horizontal Rule', basedOn: 'Normal' },
        // The story's lead picture: a style of its own, so the flag survives a trip through Word.
        { id: 'LeadPicture', name: 'Lead Picture', basedOn: 'Normal' },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', paragraph: { indent: { left: 720 } } },
        {
          id: 'PullQuote',
          name: 'Pull Quote',
          basedOn: 'Normal',
          run: { size: 32, italics: true },
        },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { size: 18, color: '444444' } },
      ],
      characterStyles: [{ id: 'Credit', name: 'Credit', run: { color: '777777' } }],
    },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: [...header, ...blocks(exportedBlocks(article.body), ROOT)] }],
  })
}

interface BlockContext {
  paragraph: IParagraphOptions
  listLevel: number
  /** The change a whole block is, passed to the paragraphs inside it. */
  change?: WordChange
}

const ROOT: BlockContext = { paragraph: {}, listLevel: 0 }

/** The attributes of a change in Word: who, when, and its id. */
const revision = ({ id, author, date }: WordChange) => ({ id, author, date })

/** A paragraph proposed or struck whole: Word marks its paragraph mark too. */
const paragraphMark = (change: WordChange) =>
  change.kind === 'insertion' ? { insertion: revision(change) } : { deletion: revision(change) }

/** A one-line field as text nodes: its tracked line when it has one and changes go out. */
const lineNodes = (text: string, tracked: TiptapNode[] | undefined): TiptapNode[] =>
  tracked ?? (text ? [{ type: 'text', text }] : [])

/**
 * The byline; with changes, a person proposed or struck is that name inserted or deleted, as a
 * Word user would mark it (Copydesk reads the byline back as it then reads).
 */
function bylineRuns(article: Article, revisions: WordRevisions | undefined): ParagraphChild[] {
  if (!revisions || !article.byline.some((entry) => entry.suggestion))
    return [new TextRun(formatByline(article.byline))]
  const nodes: TiptapNode[] = [{ type: 'text', text: 'By ' }]
  for (const [index, { name, role, suggestion }] of article.byline.entries()) {
    if (index > 0)
      nodes.push({ type: 'text', text: index === article.byline.length - 1 ? ' and ' : ', ' })
    const person = role ? `${name} (${role})` : name
    const mark = (type: string) => [{ type, attrs: { id: suggestion?.id } }]
    if (suggestion?.kind === 'replace' && suggestion.previousName)
      nodes.push({ type: 'text', text: suggestion.previousName, marks: mark('deletion') })
    nodes.push({
      type: 'text',
      text: person,
      ...(suggestion && {
        marks: mark(suggestion.kind === 'delete' ? 'deletion' : 'insertion'),
      }),
    })
  }
  return textRuns(nodes, revisions)
}

/**
 * Inline text as Word runs: formatting, links, and with `revisions`, tracked changes and the
 * ranges of comments. `inherited` is the change of the block the text is in.
 */
function textRuns(
  nodes: TiptapNode[],
  revisions: WordRevisions | undefined,
  inherited?: WordChange,
  style: IRunOptions = {},
): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    if (node.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })]
    const marks = new Set((node.marks ?? []).map((mark) => mark.type))
    const link = node.marks?.find((mark) => mark.type === 'link')
    const href = link && safeHref(link.attrs?.href)
    const options: IRunOptions = {
      ...style,
      text: node.text ?? '',
      // Only what the text has: `italics: false` would be direct formatting that switches off
      // the italic of the paragraph's style (a pull quote's, a byline's).
      ...(marks.has('bold') && { bold: true }),
      ...(marks.has('italic') && { italics: true }),
      ...(marks.has('strike') && { strike: true }),
      ...(marks.has('underline') && { underline: {} }),
      // Word's own character style, so Word and LibreOffice show (and restyle) it as a link.
      ...(href && { style: 'Hyperlink' }),
    }
    const change = revisions?.changeOf(node, inherited)
    const run = !change
      ? new TextRun(options)
      : change.kind === 'insertion'
        ? new InsertedTextRun({ ...options, ...revision(change) })
        : new DeletedTextRun({ ...options, ...revision(change) })
    return [
      ...(revisions?.startsAt(node) ?? []),
      href ? new ExternalHyperlink({ link: href, children: [run] }) : run,
      ...(revisions?.endsAt(node) ?? []),
    ]
  })
}

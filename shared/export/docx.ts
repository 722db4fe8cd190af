import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx'
import { formatByline, type Article } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { exportedBlocks } from './body'
import { safeHref } from './safe-href'

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

/**
 * The story as a Word document: headline as Title, standfirst, byline and dateline, the body with
 * headings, lists, quotes and links, and each figure with its caption and credit.
 */
export function buildDocxDocument(
  article: Article,
  images: Record<string, DocxImage | undefined>,
): Document {
  const byline = formatByline(article.byline)
  const header: Paragraph[] = [
    new Paragraph({ text: article.headline, heading: HeadingLevel.TITLE }),
    ...(article.standfirst
      ? [new Paragraph({ text: article.standfirst, style: 'Standfirst' })]
      : []),
    ...(byline ? [new Paragraph({ text: byline, style: 'Byline' })] : []),
    ...(article.dateline ? [new Paragraph({ text: article.dateline, style: 'Dateline' })] : []),
  ]
  let orderedLists = 0
  const blocks = (nodes: TiptapNode[], context: BlockContext): (Paragraph | Table)[] =>
    nodes.flatMap((node) => block(node, context))
  const block = (node: TiptapNode, context: BlockContext): (Paragraph | Table)[] => {
    const children = node.content ?? []
    const paragraph = (options: IParagraphOptions) =>
      new Paragraph({ ...options, ...context.paragraph, children: runs(children) })
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
        return figure(node)
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
                              children: runs(paragraph.content ?? []),
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
  const figure = (node: TiptapNode): Paragraph[] => {
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
    const caption = [
      ...runs(node.content ?? []),
      ...(credit ? [new TextRun({ text: ` ${credit}`, style: 'Credit' })] : []),
    ]
    return [
      ...picture,
      ...(caption.length ? [new Paragraph({ style: 'Caption', children: caption })] : []),
    ]
  }

  return new Document({
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
}

const ROOT: BlockContext = { paragraph: {}, listLevel: 0 }

function runs(nodes: TiptapNode[]): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    if (node.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })]
    const marks = new Set((node.marks ?? []).map((mark) => mark.type))
    const link = node.marks?.find((mark) => mark.type === 'link')
    const href = link && safeHref(link.attrs?.href)
    const run = new TextRun({
      text: node.text ?? '',
      // Only what the text has: `italics: false` would be direct formatting that switches off
      // the italic of the paragraph's style (a pull quote's, a byline's).
      ...(marks.has('bold') && { bold: true }),
      ...(marks.has('italic') && { italics: true }),
      ...(marks.has('strike') && { strike: true }),
      ...(marks.has('underline') && { underline: {} }),
      // Word's own character style, so Word and LibreOffice show (and restyle) it as a link.
      ...(href && { style: 'Hyperlink' }),
    })
    return [href ? new ExternalHyperlink({ link: href, children: [run] }) : run]
  })
}

import type { Article, BylineEntry } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodySchema as bodySchema } from '../editor/schemas'
import { PICTURE_RIGHTS } from '../editor/figure'
import { exportedBody } from './body'
import type { ExportFormat } from './formats'

/** Something of a story that a format has no place for, so an export then import loses it. */
export const LOSSES = {
  pictureFiles:
    'the picture files: figures keep caption, credit and alt text and wait for their picture',
  marks: 'bold, italic and links (a link is written as its text and its address)',
  storyFields: 'headline, standfirst, byline, dateline and keywords: the file is the body alone',
  keywords: 'keywords',
  blockBoundaries:
    'where one quote or list ends and the next of its kind begins, when nothing stands between them: they come back as one',
  blockStructure:
    'the kind of each block: subheadings, lists, quotes, tables, rules and figures come back as paragraphs of their words',
  pictureRights:
    "each picture's creator, copyright notice and source (the credit line comes back; the picture file itself keeps its own metadata)",
} as const
export type Loss = keyof typeof LOSSES

/** What each export format cannot carry back into Copydesk; everything else comes back. */
export const FORMAT_LOSSES: Record<ExportFormat, readonly Loss[]> = {
  html: ['pictureFiles'],
  'html-fragment': ['pictureFiles', 'storyFields'],
  md: ['pictureFiles'],
  txt: ['pictureFiles', 'marks', 'keywords', 'blockStructure'],
  ninjs: ['pictureFiles'],
  ninjs3: ['pictureFiles'],
  nitf: ['pictureFiles'],
  docx: ['blockBoundaries', 'pictureRights'],
  package: [],
}

export interface RoundTripView {
  fields?: {
    headline: string
    standfirst: string
    byline: BylineEntry[]
    dateline: string
    keywords?: string[]
  }
  /** The body, or only its words where the format keeps no block structure. */
  body: TiptapNode | string
}

/**
 * The parts of a story an exchange format is expected to carry, in one form whatever file they
 * came from (default attributes filled, neighbouring text of the same marks joined, the blank
 * paragraphs at either end that no export keeps left out), less the given losses. A picture is
 * compared by whether the figure has one, since a copy gets a new file name.
 */
export function roundTripView(article: Article, losses: readonly Loss[]): RoundTripView {
  const body = bodySchema().nodeFromJSON(exportedBody(article.body)).toJSON() as TiptapNode
  const { headline, standfirst, byline, dateline, keywords } = article
  return {
    ...(!losses.includes('storyFields') && {
      fields: {
        headline,
        standfirst,
        byline,
        dateline,
        ...(!losses.includes('keywords') && { keywords }),
      },
    }),
    body: losses.includes('blockStructure') ? wordsOf(body) : withLosses(body, losses),
  }
}

/**
 * The words a reader sees in the body, in order: the text of every block, and each figure's
 * caption and credit. Link addresses and the labels that plain text writes around a picture's
 * words ("[Picture: … Credit: …]") are not the story's words.
 */
function wordsOf(body: TiptapNode): string {
  const texts: string[] = []
  const visit = (node: TiptapNode) => {
    if (node.text) texts.push(node.text)
    for (const child of node.content ?? []) visit(child)
    if (node.type === 'figure') texts.push(String(node.attrs?.credit ?? ''))
    texts.push(' ')
  }
  visit(body)
  return (
    (
      texts
        .join('')
        .replace(/\(https?:\/\/[^\s)]*\)/g, ' ')
        .replace(/\[Picture:|\bCredit:/g, ' ')
        // List markers, wherever a block of words puts them.
        .replace(/(^|\s)(?:\d+[.)]|[-*>])(?=\s)/g, ' ')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? []
    ).join(' ')
  )
}

function withLosses(node: TiptapNode, losses: readonly Loss[]): TiptapNode {
  const copy: TiptapNode = { ...node }
  if (node.type === 'figure') {
    const { src, sourceUrl: _sourceUrl, ...attrs } = node.attrs ?? {}
    const kept = losses.includes('pictureRights')
      ? Object.fromEntries(
          Object.entries(attrs).filter(
            ([name]) => !(PICTURE_RIGHTS as readonly string[]).includes(name),
          ),
        )
      : attrs
    copy.attrs = { ...kept, picture: Boolean(src) && !losses.includes('pictureFiles') }
  }
  if (losses.includes('marks')) delete copy.marks
  if (node.content) {
    const content = joinText(node.content.map((child) => withLosses(child, losses)))
    copy.content = losses.includes('blockBoundaries') ? joinNeighbours(content) : content
  }
  return copy
}

/** Text nodes side by side with the same marks, as one: what a parser makes of them. */
function joinText(nodes: TiptapNode[]): TiptapNode[] {
  const joined: TiptapNode[] = []
  for (const node of nodes) {
    const previous = joined.at(-1)
    if (
      previous?.type === 'text' &&
      node.type === 'text' &&
      JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])
    )
      joined[joined.length - 1] = { ...previous, text: `${previous.text ?? ''}${node.text ?? ''}` }
    else joined.push(node)
  }
  return joined
}

const JOINED_NEIGHBOURS = new Set(['blockquote', 'bulletList', 'orderedList'])

/** Quotes (or lists of one kind) side by side, as one holding the content of both. */
function joinNeighbours(nodes: TiptapNode[]): TiptapNode[] {
  const joined: TiptapNode[] = []
  for (const node of nodes) {
    const previous = joined.at(-1)
    if (previous && previous.type === node.type && JOINED_NEIGHBOURS.has(node.type))
      joined[joined.length - 1] = {
        ...previous,
        content: [...(previous.content ?? []), ...(node.content ?? [])],
      }
    else joined.push(node)
  }
  return joined
}

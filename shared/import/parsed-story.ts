import type {
  ArticleStatus,
  BylineEntry,
  CommentThread,
  SuggestionRecord,
  TrackedLine,
} from '../article/schema'
import type { PictureRights } from '../editor/figure'

/** A picture found in an imported file: its bytes or where to find them, and its words. */
export interface PictureSource extends Partial<PictureRights> {
  caption: string
  credit: string
  alt: string
  /** Embedded in the file (DOCX, data: URL). */
  bytes?: Uint8Array
  /** A file next to the imported one (Markdown, HTML, NITF), relative to it. */
  path?: string
  /** Elsewhere on the web: not fetched, so the picture's words are kept in the text. */
  url?: string
  /** For messages: "picture 2 (bridge.jpg)". */
  name: string
  /** The story's lead picture, as the file marks it. */
  lead?: boolean
}

/**
 * What an importer found in a file, before it becomes an article. The body is HTML in the
 * article's own vocabulary; each picture stands in it as `<figure data-picture="N"></figure>`.
 */
export interface ParsedStory {
  headline: string
  standfirst: string
  byline: BylineEntry[]
  dateline: string
  section: string
  keywords: string[]
  status?: ArticleStatus
  slug?: string
  bodyHtml: string
  pictures: PictureSource[]
  /** A Word document's tracked changes, as suggestions marked in `bodyHtml` and `tracked`. */
  suggestions?: SuggestionRecord[]
  /** Its comments, anchored in `bodyHtml` by `data-comment`. */
  comments?: CommentThread[]
  tracked?: { headline?: TrackedLine; standfirst?: TrackedLine }
  /** The body HTML's spaces are text (it was written by a program, with tracked changes). */
  exactSpaces?: boolean
  /** What the reader could not keep as it was, for the person to check. */
  notes?: string[]
}

export const emptyStory = (): ParsedStory => ({
  headline: '',
  standfirst: '',
  byline: [],
  dateline: '',
  section: '',
  keywords: [],
  bodyHtml: '',
  pictures: [],
})

export const picturePlaceholder = (index: number) => `<figure data-picture="${index}"></figure>`

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)

const UNESCAPES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
}
/** The inverse of `escapeHtml` (and XML's `&apos;`), for text Copydesk or Word wrote. */
export const unescapeHtml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => UNESCAPES[name] ?? '')

export const paragraphsHtml = (paragraphs: string[]) =>
  paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')

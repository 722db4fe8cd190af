import { randomUUID } from 'node:crypto'
import mammoth from 'mammoth'
import { unescapeHtml, type ParsedStory } from '../../../shared/import/parsed-story'
import { zipFiles } from '../export/zip-files'
import { parseHtmlPage } from './html-page'
import { readArchive, type ArchiveFile } from './archive-limits'
import { readRevisionMarkers, type RevisionsInHtml } from './word-revision-marks'
import { hasRevisions, markRevisions } from './word-revisions'

/** A .docx that cannot be read, with the reason. */
export class DocxImportError extends Error {}

/**
 * Word's own styles mapped to the page structure the HTML reader knows: Title is the headline,
 * Subtitle the standfirst, Caption a picture's caption, Quote a quote.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p.standfirst:fresh",
  "p[style-name='Standfirst'] => p.standfirst:fresh",
  "p[style-name='Byline'] => p.byline:fresh",
  "p[style-name='Dateline'] => p.dateline:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "r[style-name='Credit'] => span.credit",
  "p[style-name='Lead Picture'] => p.lead-picture:fresh",
  "p[style-name='Horizontal Rule'] => hr:fresh",
  "p[style-name='Table Heading'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  // A pull quote is one paragraph: each is a quote of its own, even side by side.
  "p[style-name='Pull Quote'] => aside.pull-quote:fresh > p:fresh",
]

/** A Word document: mammoth turns it into semantic HTML, which is then read like a page. */
export async function parseDocx(bytes: Buffer): Promise<ParsedStory> {
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') {
    throw new DocxImportError(
      'it is not a Word document (a .docx file is a zip archive, and this is not one)',
    )
  }
  // mammoth unpacks everything in memory: the archive is checked for bombs first.
  const files = await readArchive(bytes)
  const text = (path: string) => {
    const file = files.find((each) => each.path === path)
    return file && new TextDecoder().decode(file.bytes)
  }
  const documentXml = text('word/document.xml') ?? ''
  const marked = hasRevisions(documentXml)
    ? markedDocument(
        files,
        documentXml,
        text('word/comments.xml'),
        text('word/commentsExtended.xml'),
      )
    : undefined
  let html: string
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: marked ? await marked.bytes : bytes },
      {
        styleMap: STYLE_MAP,
        // An empty paragraph between others is the writer's own spacing, as in Copydesk's editor.
        ignoreEmptyParagraphs: false,
        convertImage: mammoth.images.imgElement(async (image) => ({
          src: `data:${image.contentType};base64,${await image.readAsBase64String()}`,
        })),
      },
    )
    html = converted.value
  } catch (error) {
    throw new DocxImportError(
      `it is damaged or not a Word document (${(error as Error).message.split('\n')[0]})`,
    )
  }
  let revisions: RevisionsInHtml | undefined
  if (marked) {
    revisions = readRevisionMarkers(html, marked.revisions, {
      now: new Date().toISOString(),
      newId: randomUUID,
    })
    html = revisions.html
  }
  // A document in Copydesk's styles says which paragraph is which; others are guessed at.
  const styled = /<p class="(?:standfirst|byline)">/.test(html)
  const story = parseHtmlPage(`<article>${html}</article>`, {
    firstShortParagraphIsStandfirst: !styled,
  })
  const properties = text('docProps/core.xml')
  if (properties) story.keywords = keywordsOf(properties)
  if (revisions) {
    story.suggestions = revisions.suggestions
    story.comments = revisions.comments
    story.tracked = revisions.tracked
    story.notes = revisions.notes
    story.exactSpaces = true
  }
  // Word has no page metadata: a headline only from the Title style or the first heading.
  if (!/<h1[\s>]/.test(html)) {
    const firstHeading = /<h2[^>]*>(.*?)<\/h2>/s.exec(html)
    if (!story.headline && firstHeading)
      story.headline = firstHeading[1]?.replace(/<[^>]+>/g, '') ?? ''
  }
  return story
}

/**
 * The document with its tracked changes and comment ranges marked in text mammoth passes through,
 * zipped again for mammoth to read.
 */
function markedDocument(
  files: ArchiveFile[],
  documentXml: string,
  commentsXml: string | undefined,
  commentsExtendedXml: string | undefined,
) {
  let revisions
  try {
    revisions = markRevisions(documentXml, commentsXml, commentsExtendedXml)
  } catch (error) {
    throw new DocxImportError(`it is damaged: ${(error as Error).message}`)
  }
  const entries = files.map(({ path, bytes }) => ({
    path,
    bytes: Buffer.from(path === 'word/document.xml' ? revisions.documentXml : bytes),
  }))
  return { revisions, bytes: zipFiles(entries, new Date(0)) }
}

/** The document's keywords, as Word's File › Info › Tags keeps them, comma-separated. */
function keywordsOf(coreXml: string): string[] {
  const list = /<cp:keywords>([\s\S]*?)<\/cp:keywords>/.exec(coreXml)?.[1] ?? ''
  return unescapeHtml(list)
    .split(/[,;]/)
    .map((keyword) => keyword.trim())
    .filter(Boolean)
}

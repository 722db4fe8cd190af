import mammoth from 'mammoth'
import type { ParsedStory } from '../../../shared/import/parsed-story'
import { parseHtmlPage } from './html-page'
import { readArchive } from './archive-limits'

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
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Pull Quote'] => blockquote > p:fresh",
]

/** A Word document: mammoth turns it into semantic HTML, which is then read like a page. */
export async function parseDocx(bytes: Buffer): Promise<ParsedStory> {
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') {
    throw new DocxImportError(
      'it is not a Word document (a .docx file is a zip archive, and this is not one)',
    )
  }
  // mammoth unpacks everything in memory: the archive is checked for bombs first.
  await readArchive(bytes, () => false)
  let html: string
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
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
  const story = parseHtmlPage(`<article>${html}</article>`, {
    firstShortParagraphIsStandfirst: true,
  })
  // Word has no page metadata: a headline only from the Title style or the first heading.
  if (!/<h1[\s>]/.test(html)) {
    const firstHeading = /<h2[^>]*>(.*?)<\/h2>/s.exec(html)
    if (!story.headline && firstHeading)
      story.headline = firstHeading[1]?.replace(/<[^>]+>/g, '') ?? ''
  }
  return story
}

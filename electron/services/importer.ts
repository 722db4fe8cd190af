import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { slugify, type Article, type ArticleFields } from '../../shared/article'
import { ArticleBodySchema } from '../../shared/article/schema'
import { formatMegabytes } from '../../shared/assets/image-policy'
import { MarkdownImportError, parseMarkdown } from '../../shared/import/markdown'
import { NinjsImportError, parseNinjs } from '../../shared/import/ninjs'
import { NitfImportError, parseNitf } from '../../shared/import/nitf'
import { escapeHtml, type ParsedStory, type PictureSource } from '../../shared/import/parsed-story'
import { parsePlainText } from '../../shared/import/plain-text'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { prepareImage } from './asset-store'
import { isInside } from './contained-path'
import { fsFailure } from './fs-failure'
import { DocxImportError } from './import/docx-import-error'
import type { Library } from './library'

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export const IMPORT_FORMATS = {
  docx: 'Word (.docx)',
  html: 'web page (.html)',
  md: 'Markdown (.md)',
  txt: 'plain text (.txt)',
  ninjs: 'ninjs (.json)',
  nitf: 'NITF (.xml)',
} as const
export type ImportFormat = keyof typeof IMPORT_FORMATS

const EXTENSIONS: Record<string, ImportFormat> = {
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.text': 'txt',
  '.json': 'ninjs',
  '.xml': 'nitf',
  '.nitf': 'nitf',
}

const ACCEPTED = Object.values(IMPORT_FORMATS).join(', ')

/** What the file is, by its name, or by its first bytes when the name says nothing. */
export function detectImportFormat(fileName: string, bytes: Uint8Array): ImportFormat | undefined {
  const byName = EXTENSIONS[extname(fileName).toLowerCase()]
  if (byName) return byName
  if (extname(fileName)) return undefined
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart().toLowerCase()
  if (head.startsWith('pk\u0003\u0004')) return 'docx'
  if (head.startsWith('{')) return 'ninjs'
  if (head.startsWith('<?xml') || head.startsWith('<nitf')) return 'nitf'
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html'
  return 'txt'
}

export interface ImportOutcome {
  article: Article
  format: ImportFormat
  /** What was left out or guessed, for the person to check: "picture 2 is on the web …". */
  notes: string[]
}

const PARSE_ERRORS = [MarkdownImportError, NinjsImportError, NitfImportError, DocxImportError]

/**
 * Turns a file from elsewhere into a new article: the file is read and parsed, its pictures
 * checked and named, and only then is the article written, in one step. A file that cannot be
 * imported leaves the library as it was, and the reason names the file.
 */
export class Importer {
  constructor(private readonly library: Library) {}

  async importFile(path: string): Promise<Result<ImportOutcome>> {
    const fileName = basename(path)
    try {
      const { size } = await stat(path)
      if (size > MAX_IMPORT_BYTES) return tooLarge(fileName, size)
      return this.importBytes(fileName, await readFile(path), dirname(resolve(path)))
    } catch (error) {
      return fsFailure(error, `read ${fileName}`)
    }
  }

  /** `folder` is where pictures a file refers to by relative path are looked for. */
  async importBytes(
    fileName: string,
    bytes: Uint8Array,
    folder?: string,
  ): Promise<Result<ImportOutcome>> {
    if (bytes.byteLength === 0)
      return fail('invalid-file', `${fileName} is empty: there is nothing to import.`)
    if (bytes.byteLength > MAX_IMPORT_BYTES) return tooLarge(fileName, bytes.byteLength)
    const format = detectImportFormat(fileName, bytes)
    if (!format) {
      return fail('invalid-file', `${fileName} is not a file Copydesk can import: use ${ACCEPTED}.`)
    }
    let story: ParsedStory
    try {
      story = await parse(format, bytes)
    } catch (error) {
      if (PARSE_ERRORS.some((type) => error instanceof type) || error instanceof TextFormatError) {
        return fail('invalid-file', `${fileName} cannot be imported: ${(error as Error).message}.`)
      }
      throw error
    }
    const notes: string[] = []
    const staging = await mkdtemp(join(tmpdir(), 'copydesk-import-'))
    try {
      await mkdir(join(staging, 'assets'))
      const figures: string[] = []
      for (const [index, picture] of story.pictures.entries()) {
        figures[index] = await this.stagePicture(picture, folder, staging, notes)
      }
      const html = story.bodyHtml.replace(
        /<figure data-picture="(\d+)"><\/figure>/g,
        (_, index: string) => figures[Number(index)] ?? '',
      )
      const { htmlToBody } = await import('./import/html-to-body')
      const body = ArticleBodySchema.safeParse(htmlToBody(html))
      if (!body.success) {
        return fail(
          'invalid-file',
          `${fileName} cannot be imported: its text does not fit an article.`,
        )
      }
      const headline = story.headline || basename(fileName, extname(fileName))
      if (!story.headline)
        notes.push(`It had no headline; the file name "${headline}" stands in for one.`)
      const fields: Partial<ArticleFields> = {
        headline,
        standfirst: story.standfirst,
        byline: story.byline,
        dateline: story.dateline,
        keywords: story.keywords,
        body: body.data,
        ...(story.status && { status: story.status }),
        slug: story.slug || slugify(headline) || 'imported',
      }
      const created = await this.library.create(fields, { assetsFrom: join(staging, 'assets') })
      return created.ok ? ok({ article: created.value, format, notes }) : created
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
  }

  /** The figure for a picture, its image staged under its library name; or its words as text. */
  private async stagePicture(
    picture: PictureSource,
    folder: string | undefined,
    staging: string,
    notes: string[],
  ): Promise<string> {
    const asText = (why: string) => {
      notes.push(
        `${picture.name} was not imported: ${why}. Its caption and credit are kept as text.`,
      )
      const words = [picture.caption, picture.credit && `Credit: ${picture.credit}`]
        .filter(Boolean)
        .join(' ')
      return words ? `<p>${escapeHtml(`[Picture: ${words}]`)}</p>` : ''
    }
    let bytes = picture.bytes
    if (!bytes && picture.url)
      return asText(`it is on the web (${picture.url}), and Copydesk does not download`)
    if (!bytes && picture.path) {
      if (!folder) return asText('it is a separate file that was not sent with this one')
      const path = resolve(folder, picture.path)
      if (!(await isInside(folder, path))) return asText("it is outside the imported file's folder")
      bytes = await readFile(path).catch(() => undefined)
      if (!bytes) return asText(`${picture.path} cannot be read`)
    }
    if (!bytes) return asText('the file has its caption but not the image itself')
    const prepared = await prepareImage(picture.name, bytes)
    if (!prepared.ok) return asText(prepared.error.message.replace(/\.$/, ''))
    await writeFile(join(staging, prepared.value.src), bytes)
    const credit = picture.credit ? `<span class="credit">${escapeHtml(picture.credit)}</span>` : ''
    return `<figure><img src="${prepared.value.src}" alt="${escapeHtml(picture.alt)}"><figcaption><span class="caption">${escapeHtml(picture.caption)}</span>${credit}</figcaption></figure>`
  }
}

class TextFormatError extends Error {}

/** Text formats must be UTF-8 (a byte order mark is allowed): anything else would garble names. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new TextFormatError('it is not UTF-8 text')
  }
}

/**
 * Word and web pages need mammoth and happy-dom, about half a second to load: they are loaded
 * on the first import of such a file, not at every start of the app and the CLI.
 */
async function parse(format: ImportFormat, bytes: Uint8Array): Promise<ParsedStory> {
  switch (format) {
    case 'docx':
      return (await import('./import/docx')).parseDocx(Buffer.from(bytes))
    case 'html':
      return (await import('./import/html-page')).parseHtmlPage(decodeText(bytes))
    case 'md':
      return parseMarkdown(decodeText(bytes))
    case 'txt':
      return parsePlainText(decodeText(bytes))
    case 'ninjs':
      return parseNinjs(decodeText(bytes))
    case 'nitf':
      return parseNitf(decodeText(bytes))
  }
}

const tooLarge = (fileName: string, size: number) =>
  fail(
    'invalid-file',
    `${fileName} is ${formatMegabytes(size)}; files to import can be at most ${formatMegabytes(MAX_IMPORT_BYTES)}.`,
  )

import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { ArticleFieldsSchema, slugify, type Article } from '../../../shared/article'
import { formatMegabytes } from '../../../shared/assets/image-policy'
import { AWAITS_PICTURE_ATTRIBUTE, WEB_PICTURE_PATTERN } from '../../../shared/editor/figure'
import { figureHtml } from '../../../shared/import/figure-html'
import {
  escapeHtml,
  type ParsedStory,
  type PictureSource,
} from '../../../shared/import/parsed-story'
import { fail, ok, type Result } from '../../../shared/result'
import { describeZodError } from '../../../shared/validation/describe-zod-error'
import { prepareImage } from '../library/prepare-image'
import { isInside } from '../disk/contained-path'
import { fsFailure } from '../disk/fs-failure'
import { ArchiveError, readArchive, type ArchiveFile } from './archive-limits'
import {
  ACCEPTED_FORMATS,
  detectImportFormat,
  type ImportFormat,
  type ParseableFormat,
} from '../../../shared/import/import-formats'
import { ImportReadError, ImportWorker } from './import-worker-client'
import type { Library } from '../library/library'
import { makeFolders } from '../disk/make-folders'

/** What an import may set; validated like a save, so a hostile file gets a reason, not a throw. */
const ImportedFieldsSchema = ArticleFieldsSchema.partial()

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** Far beyond any story (a 50,000-word one has about 300,000); a book is not a story. */
export const MAX_STORY_CHARACTERS = 2_000_000

export interface ImportOutcome {
  article: Article
  format: ImportFormat
  /** What was left out or guessed, for the person to check: "picture 2 is on the web …". */
  notes: string[]
}

/** In a package, the file that carries the most of the story is the one imported. */
const PACKAGE_STORY_FILES = [
  // NITF names each picture's file in the package; ninjs there names them only in titles.
  /\.nitf\.xml$/,
  /\.ninjs\.json$/,
  /\.docx$/,
  /(?<!\.fragment)\.html$/,
  /\.md$/,
  /\.txt$/,
]

const cannotImport = (fileName: string, problem: string) =>
  fail('invalid-file', `${fileName} cannot be imported: ${problem}.`)

/**
 * Turns a file from elsewhere into a new article: the file is read and parsed in the import
 * worker, its pictures checked and named, and only then is the article written, in one step.
 * A file that cannot be imported leaves the library as it was, and the reason names the file.
 */
export class Importer {
  /** Kept between imports (starting one costs about half a second) until a limit stops it. */
  private worker: ImportWorker | undefined

  constructor(
    private readonly library: Library,
    private readonly startReader: () => ImportWorker = () => new ImportWorker(),
  ) {}

  private reader(): ImportWorker {
    if (!this.worker?.alive) this.worker = this.startReader()
    return this.worker
  }

  /** Stops the reader thread; the next import starts another. */
  async close(): Promise<void> {
    await this.worker?.stop()
    this.worker = undefined
  }

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

  /**
   * A page pasted from a browser, read as an imported web page is, for the story being written:
   * nothing is written to the library. Its pictures are named by their words and web address
   * only; the person drops each file on its figure.
   */
  async readPage(html: string): Promise<Result<ParsedStory>> {
    try {
      const story = await this.reader().parse('html', new TextEncoder().encode(html))
      const pictures = story.pictures.map(({ bytes: _bytes, path: _path, ...words }) => words)
      return ok({ ...story, pictures })
    } catch (error) {
      if (error instanceof ImportReadError)
        return fail('invalid-file', `The pasted page cannot be read: ${error.message}.`)
      throw error
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
      return fail(
        'invalid-file',
        `${fileName} is not a file Copydesk can import: use ${ACCEPTED_FORMATS}.`,
      )
    }
    if (format === 'package') return this.importPackage(fileName, bytes)
    try {
      return await this.importStory(this.reader(), fileName, format, bytes, folder)
    } catch (error) {
      if (error instanceof ImportReadError) return cannotImport(fileName, error.message)
      throw error
    }
  }

  private async importStory(
    reader: ImportWorker,
    fileName: string,
    format: ParseableFormat,
    bytes: Uint8Array,
    folder: string | undefined,
  ): Promise<Result<ImportOutcome>> {
    const story = await reader.parse(format, bytes)
    // Counted on the text alone (tags out), before the body is built: a 49 MB text file made a
    // ten-million-word "story" that took the library list 12 s to read.
    const characters = story.bodyHtml.replace(/<[^>]*>/g, '').length
    if (characters > MAX_STORY_CHARACTERS) {
      return cannotImport(
        fileName,
        `its text is ${characters.toLocaleString('en')} characters long, and a story can be at most ${MAX_STORY_CHARACTERS.toLocaleString('en')} (about 330,000 words): split it into several files, or import a shorter one`,
      )
    }
    const notes = [...(story.notes ?? [])]
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
      const headline = story.headline || basename(fileName, extname(fileName))
      if (!story.headline)
        notes.push(`It had no headline; the file name "${headline}" stands in for one.`)
      const fields = ImportedFieldsSchema.safeParse({
        headline,
        standfirst: story.standfirst,
        byline: story.byline,
        dateline: story.dateline,
        section: story.section,
        keywords: story.keywords,
        body: await reader.body(html, { exactSpaces: story.exactSpaces ?? false }),
        ...(story.status && { status: story.status }),
        slug: story.slug || slugify(headline) || 'imported',
        ...(story.suggestions && { suggestions: story.suggestions }),
        ...(story.comments && { comments: story.comments }),
        ...(story.tracked && { tracked: story.tracked }),
      })
      if (!fields.success) {
        return cannotImport(
          fileName,
          `it does not fit an article (${describeZodError(fields.error)})`,
        )
      }
      const created = await this.library.create(fields.data, {
        assetsFrom: join(staging, 'assets'),
      })
      return created.ok ? ok({ article: created.value, format, notes }) : created
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
  }

  /**
   * An exported package (zip): unpacked into a private folder once every entry has passed the
   * archive checks, then the richest story file in it is imported with its pictures.
   */
  private async importPackage(fileName: string, bytes: Uint8Array): Promise<Result<ImportOutcome>> {
    let files: ArchiveFile[]
    try {
      files = await readArchive(bytes)
    } catch (error) {
      if (error instanceof ArchiveError) return cannotImport(fileName, error.message)
      throw error
    }
    const story = PACKAGE_STORY_FILES.map((name) => files.find(({ path }) => name.test(path))).find(
      (file) => file !== undefined,
    )
    if (!story) {
      return cannotImport(
        fileName,
        'it holds no story file (ninjs, NITF, Word, web page, Markdown or text)',
      )
    }
    const unpacked = await mkdtemp(join(tmpdir(), 'copydesk-package-'))
    try {
      for (const file of files) {
        // Entry names were checked by readArchive: relative, no "..", so they stay in here.
        const path = join(unpacked, file.path)
        await makeFolders(dirname(path))
        await writeFile(path, file.bytes)
      }
      const storyPath = join(unpacked, story.path)
      const imported = await this.importBytes(basename(storyPath), story.bytes, dirname(storyPath))
      if (!imported.ok) return imported
      const notes = [`Imported from ${story.path} in ${fileName}.`, ...imported.value.notes]
      return ok({ ...imported.value, format: 'package', notes })
    } catch (error) {
      return fsFailure(error, `unpack ${fileName}`)
    } finally {
      await rm(unpacked, { recursive: true, force: true })
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
    const webAddress = picture.url?.replace(/^\/\//, 'https://') ?? ''
    if (!bytes && WEB_PICTURE_PATTERN.test(webAddress)) {
      notes.push(
        `${picture.name} is on the web (${webAddress}), and Copydesk downloads nothing: its figure keeps the caption, credit and alt text and waits for the picture file (drop it on the figure, or choose it there).`,
      )
      return figureHtml(picture, { [AWAITS_PICTURE_ATTRIBUTE]: '', 'data-source-url': webAddress })
    }
    if (!bytes && picture.url)
      return asText(`it is on the web (${picture.url}), and Copydesk does not download`)
    if (!bytes && picture.path) {
      if (!folder) return asText('it is a separate file that was not sent with this one')
      const path = resolve(folder, picture.path)
      if (!(await isInside(folder, path))) return asText("it is outside the imported file's folder")
      bytes = await readFile(path).catch(() => undefined)
      if (!bytes) return asText(`${picture.path} cannot be read`)
    }
    if (!bytes) {
      notes.push(
        `${picture.name} was not in the file, only its words: its figure keeps the caption, credit and alt text and waits for the picture file (drop it on the figure, or choose it there).`,
      )
      return figureHtml(picture, { [AWAITS_PICTURE_ATTRIBUTE]: '' })
    }
    const prepared = await prepareImage(picture.name, bytes)
    if (!prepared.ok) return asText(prepared.error.message.replace(/\.$/, ''))
    await writeFile(join(staging, prepared.value.src), bytes)
    return figureHtml(picture, {}, prepared.value.src)
  }
}

const tooLarge = (fileName: string, size: number) =>
  fail(
    'invalid-file',
    `${fileName} is ${formatMegabytes(size)}; files to import can be at most ${formatMegabytes(MAX_IMPORT_BYTES)}.`,
  )

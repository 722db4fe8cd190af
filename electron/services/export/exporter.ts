import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import type { Article } from '../../../shared/article'
import type { DocxImage, DocxOptions } from '../../../shared/export/docx'
import {
  EXPORT_FORMAT_INFO,
  TEXT_FORMATS,
  exportFileName,
  isTextFormat,
  type ExportedFile,
  type ExportFormat,
} from '../../../shared/export/formats'
import { preflight, type PreflightReport } from '../../../shared/export/preflight'
import {
  RENDITION_JPEG_QUALITY,
  type ExportContext,
  type RENDITION_WIDTHS,
  type RenditionsBySource,
} from '../../../shared/export/renditions'
import { figuresOf } from '../../../shared/export/figures'
import type { BatchExport } from '../../../shared/export/batch-export'
import { fail, ok, type Result } from '../../../shared/result'
import { compileRules } from '../../../shared/style/check'
import type { AssetStore } from '../library/asset-store'
import { mapLimited } from '../platform/map-limited'
import type { RenditionFile } from './renditions'
import type { SettingsStore } from '../settings/settings-store'
import type { StylePacks } from '../settings/style-packs'
import type { Copyfit } from '../copyfit/copyfit'
import type { CopyfitReport, FieldFit } from '../../../shared/copyfit/copyfit-report'
import { storyText } from '../../../shared/search/search-document'
import { unzipFiles, zipFiles, type ZipEntry } from './zip-files'

/**
 * Pictures in Word files: 1,024 px fills Word's text column at over 160 dpi, plenty for a
 * document to be read and edited, and is a width every package already has a JPEG of.
 */
const DOCX_IMAGE_WIDTH: (typeof RENDITION_WIDTHS)[number] = 1024
/**
 * Pictures decoded and encoded at once: one per core. sharp runs each image operation on one
 * thread on glibc Linux (libvips concurrency 1 without jemalloc), so pictures side by side are
 * what uses the other cores; more at once would only hold more decoded photos in memory.
 */
const PICTURES_AT_ONCE = availableParallelism()

/** Each picture once, in the order the story shows them (a picture can appear twice). */
const distinctFigures = (article: Article) =>
  figuresOf(article.body).filter(
    (figure, index, all) => all.findIndex((other) => other.src === figure.src) === index,
  )

export interface ExportOptions {
  /** Export despite blocking problems that can be overridden (never pending suggestions). */
  force?: boolean
  /**
   * Word only: pending suggestions go out as tracked changes and comments as Word comments, so
   * suggestions do not stop the export.
   */
  withChanges?: boolean
}

/** The files one export produces, before they are handed out as one file or zipped. */
interface PackageManifest {
  articleId: string
  revision: number
  exportedAt: string
  /** The slot the story was written to fit, and how it fit when packaged. */
  slot?: { id: string; name: string; fields: FieldFit[] }
  formats: string[]
  files: { path: string; size: number; sha256: string }[]
}

/**
 * Exports articles: runs the preflight, renders each format, and makes DOCX files and zip
 * packages with image renditions. Outputs depend only on the article and its images, so the
 * same revision exported twice gives the same bytes.
 *
 * The renderers, docx and sharp load at the first export, not at start: together they are
 * a few tenths of a second of every host start and CLI command that never exports.
 */
export class Exporter {
  constructor(
    private readonly assets: AssetStore,
    private readonly settings: SettingsStore,
    private readonly stylePacks: StylePacks,
    private readonly copyfit: Copyfit,
  ) {}

  private context(renditions?: RenditionsBySource): ExportContext {
    const { language, imageBaseUrl } = this.settings.get()
    return { language, ...(imageBaseUrl && { imageBaseUrl }), ...(renditions && { renditions }) }
  }

  async preflight(article: Article): Promise<PreflightReport> {
    const missingImages = new Set<string>()
    for (const { src } of figuresOf(article.body)) {
      if (!(await this.assets.has(article.id, src))) missingImages.add(src)
    }
    const packs = await this.stylePacks.load()
    const rules = packs.ok ? packs.value.packs.flatMap((pack) => pack.rules) : []
    const { headlineLimit, standfirstLimit, quotesMustBeChecked } = this.settings.get()
    const copyfit = await this.copyfitOf(article)
    return preflight(article, {
      quotesMustBeChecked,
      ...(copyfit && { copyfit }),
      missingImages,
      headlineLimit,
      standfirstLimit,
      styleRules: compileRules(rules),
      context: this.context(),
    })
  }

  async export(
    article: Article,
    format: ExportFormat,
    options: ExportOptions = {},
  ): Promise<Result<ExportedFile>> {
    if (options.withChanges && format !== 'docx') {
      return fail(
        'invalid-request',
        `Only Word files carry suggestions and comments; ${EXPORT_FORMAT_INFO[format].label} does not.`,
      )
    }
    const report = await this.preflight(article)
    const stopping = report.items.filter(
      (item) =>
        item.severity === 'blocking' &&
        (!options.force || !item.overridable) &&
        !(options.withChanges && item.code === 'suggestions'),
    )
    if (stopping.length) {
      return fail(
        'invalid-request',
        `"${article.headline || article.slug}" cannot be exported yet: ${stopping
          .map((item) => item.message)
          .join(' ')}`,
      )
    }
    try {
      const file = await this.render(article, format, options.withChanges ?? false)
      return ok(file)
    } catch (error) {
      return fail('io', `The ${EXPORT_FORMAT_INFO[format].label} export failed: ${String(error)}`)
    }
  }

  /**
   * Several articles in one zip, each as its own file (a package inside for `package`). An
   * article that fails its preflight is left out and reported, never half-exported.
   */
  async exportBatch(
    articles: Article[],
    format: ExportFormat,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<Result<BatchExport>> {
    const entries: ZipEntry[] = []
    const skipped: BatchExport['skipped'] = []
    for (const [index, article] of articles.entries()) {
      onProgress(index, articles.length)
      const exported = await this.export(article, format)
      if (!exported.ok) {
        skipped.push({
          id: article.id,
          title: article.headline || article.slug,
          reason: exported.error.message,
        })
        continue
      }
      const { fileName, content, encoding } = exported.value
      entries.push({ path: fileName, bytes: Buffer.from(content, encoding) })
    }
    if (entries.length === 0) {
      return fail(
        'invalid-request',
        `None of the ${articles.length} articles could be exported. ${skipped.map((s) => s.reason).join(' ')}`,
      )
    }
    const latest =
      articles
        .map((article) => article.updatedAt)
        .sort()
        .at(-1) ?? articles[0]?.updatedAt
    onProgress(articles.length, articles.length)
    const zip = await zipFiles(entries, new Date(latest ?? 0))
    return ok({
      file: {
        fileName: `copydesk-${format}-${entries.length}-articles.zip`,
        mimeType: 'application/zip',
        content: zip.toString('base64'),
        encoding: 'base64',
      },
      exported: entries.length,
      skipped,
    })
  }

  private async render(
    article: Article,
    format: ExportFormat,
    withChanges: boolean,
  ): Promise<ExportedFile> {
    if (isTextFormat(format)) {
      const { exportTextFile } = await import('../../../shared/export/export-article')
      return exportTextFile(article, format, this.context())
    }
    const { mimeType } = EXPORT_FORMAT_INFO[format]
    const fileName = exportFileName(article, format)
    const bytes =
      format === 'docx'
        ? await this.docx(article, undefined, { withChanges })
        : await this.package(article)
    return { fileName, mimeType, content: bytes.toString('base64'), encoding: 'base64' }
  }

  /** The Word file, its dates and zip entries fixed to the article's last save. */
  async docx(
    article: Article,
    renditions?: Map<string, RenditionFile[]>,
    options: DocxOptions = {},
  ): Promise<Buffer> {
    const [{ Packer }, { buildDocxDocument }, { default: sharp }] = await Promise.all([
      import('docx'),
      import('../../../shared/export/docx'),
      import('sharp'),
    ])
    const images: Record<string, DocxImage> = {}
    await mapLimited(distinctFigures(article), PICTURES_AT_ONCE, async ({ src }) => {
      // In a package, the JPEG rendition of Word's width is already made.
      const made = renditions
        ?.get(src)
        ?.find(({ rendition }) => rendition.name === `w${DOCX_IMAGE_WIDTH}-jpg`)
      if (made) {
        const { bytes, rendition } = made
        images[src] = { data: bytes, type: 'jpg', width: rendition.width, height: rendition.height }
        return
      }
      const read = await this.assets.read(article.id, src)
      if (!read.ok) return
      const { data, info } = await sharp(read.value.bytes)
        .autoOrient()
        .resize({ width: DOCX_IMAGE_WIDTH, withoutEnlargement: true })
        .jpeg({ quality: RENDITION_JPEG_QUALITY })
        .toBuffer({ resolveWithObject: true })
      images[src] = { data, type: 'jpg', width: info.width, height: info.height }
    })
    const packed = await Packer.toBuffer(buildDocxDocument(article, images, options))
    const renumber = stableRelationshipIds()
    const entries = (await unzipFiles(packed)).map((entry) =>
      renumber(entry.path === 'docProps/core.xml' ? withFixedDates(entry, article) : entry),
    )
    return zipFiles(entries, new Date(article.updatedAt))
  }

  /** How the story fits its slot, if it has one that can be found. */
  private async copyfitOf(article: Article): Promise<CopyfitReport | undefined> {
    if (!article.slot) return undefined
    const report = await this.copyfit.measure(article.slot, {
      headline: article.headline,
      standfirst: article.standfirst,
      paragraphs: storyText(article.body).body.split('\n'),
      language: this.settings.get().language,
    })
    return report.ok ? report.value : undefined
  }

  /** Every format and every image rendition in one zip, with a manifest of checksums. */
  async package(article: Article): Promise<Buffer> {
    const [{ makeRenditions }, { renderTextFormat }] = await Promise.all([
      import('./renditions'),
      import('../../../shared/export/export-article'),
    ])
    const renditions: RenditionsBySource = {}
    const renditionFiles = new Map<string, RenditionFile[]>()
    const imageFiles: ZipEntry[] = []
    const figures = distinctFigures(article)
    const made = await mapLimited(figures, PICTURES_AT_ONCE, async (figure) => {
      const read = await this.assets.read(article.id, figure.src)
      return read.ok
        ? makeRenditions(figure.src, read.value.bytes, read.value.mimeType, figure)
        : undefined
    })
    for (const [index, figure] of figures.entries()) {
      const files = made[index]
      if (!files) continue
      renditionFiles.set(figure.src, files)
      renditions[figure.src] = files.map(({ rendition }) => rendition)
      imageFiles.push(...files.map(({ rendition, bytes }) => ({ path: rendition.path, bytes })))
    }
    const context = this.context(renditions)
    const packageNames: Record<(typeof TEXT_FORMATS)[number], string> = {
      html: 'article.html',
      'html-fragment': 'article.fragment.html',
      md: 'article.md',
      txt: 'article.txt',
      ninjs: 'article.ninjs.json',
      ninjs3: 'article.ninjs3.json',
      nitf: 'article.nitf.xml',
    }
    const files: ZipEntry[] = [
      ...TEXT_FORMATS.map((format) => ({
        path: packageNames[format],
        bytes: Buffer.from(renderTextFormat(article, format, context)),
      })),
      { path: 'article.docx', bytes: await this.docx(article, renditionFiles) },
      ...imageFiles,
    ]
    const copyfit = await this.copyfitOf(article)
    const manifest: PackageManifest = {
      articleId: article.id,
      revision: article.revision,
      exportedAt: article.updatedAt,
      ...(copyfit && {
        slot: { id: copyfit.slotId, name: copyfit.slotName, fields: copyfit.fields },
      }),
      formats: [...TEXT_FORMATS, 'docx'],
      files: files.map(({ path, bytes }) => ({
        path,
        size: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      })),
    }
    const manifestEntry = {
      path: 'manifest.json',
      bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    }
    return zipFiles([manifestEntry, ...files], new Date(article.updatedAt))
  }
}

/**
 * docx names some relationships (links, for one) with random ids, and numbers drawings with a
 * counter that runs on across documents. Numbering both in the order they appear gives the same
 * file for the same story, with every reference intact.
 */
function stableRelationshipIds(): (entry: ZipEntry) => ZipEntry {
  const relationships = new Map<string, string>()
  return (entry) => {
    if (!/\.(xml|rels)$/.test(entry.path)) return entry
    const text = entry.bytes.toString('utf8')
    const drawings = new Map<string, number>()
    const renumbered = text
      .replace(/\brId[a-z0-9_-]{21}(?![a-z0-9_-])/g, (id) => {
        let stable = relationships.get(id)
        if (!stable) relationships.set(id, (stable = `rIdCopydesk${relationships.size + 1}`))
        return stable
      })
      .replace(/(<(wp:docPr|pic:cNvPr|wps:cNvPr) id=")\d+"/g, (_, start: string, tag: string) => {
        const next = (drawings.get(tag) ?? 0) + 1
        drawings.set(tag, next)
        return `${start}${next}"`
      })
    return renumbered === text ? entry : { path: entry.path, bytes: Buffer.from(renumbered) }
  }
}

/** docx stamps the time it ran; the article's own times make the file reproducible. */
function withFixedDates(entry: ZipEntry, article: Article): ZipEntry {
  const stamp = (tag: string, iso: string) => (xml: string) =>
    xml.replace(
      new RegExp(`(<dcterms:${tag}[^>]*>)[^<]*(</dcterms:${tag}>)`),
      `$1${iso.replace(/\.\d{3}Z$/, 'Z')}$2`,
    )
  const xml = [stamp('created', article.createdAt), stamp('modified', article.updatedAt)].reduce(
    (text, fix) => fix(text),
    entry.bytes.toString('utf8'),
  )
  return { path: entry.path, bytes: Buffer.from(xml) }
}

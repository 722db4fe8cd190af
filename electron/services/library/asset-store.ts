import { createHash } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Metadata } from 'sharp'
import {
  formatMegabytes,
  IMAGE_FORMATS,
  imageMimeTypeOf,
  isImageFormat,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  type ImageFormat,
  type ImportedImage,
} from '../../../shared/assets/image-policy'
import { ASSET_PATH_PATTERN } from '../../../shared/editor/figure'
import { THIS_PROCESS } from '../../../shared/library/request-context'
import { fail, ok, type Result } from '../../../shared/result'
import { writeFileDurably } from '../disk/atomic-file'
import { isInside } from '../disk/contained-path'
import { fsFailure } from '../disk/fs-failure'
import { CaptionReader } from '../import/caption-reader'
import type { Library } from './library'
import { ASSETS_FOLDER } from './library-store'

const ACCEPTED = Object.values(IMAGE_FORMATS)
  .map((format) => format.label)
  .join(', ')
  .replace(/, ([^,]+)$/, ' or $1')

/** What the file really is, judged by decoding it, not by its name. */
async function inspect(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<{ format: ImageFormat; width: number; height: number }>> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    return fail(
      'invalid-file',
      `${fileName} is ${formatMegabytes(bytes.byteLength)}; images can be at most ${formatMegabytes(MAX_IMAGE_BYTES)}.`,
    )
  }
  const damaged = (error: unknown) =>
    fail(
      'invalid-file',
      `${fileName} is damaged and cannot be read (${String((error as Error).message).split('\n')[0]}).`,
    )
  // Loaded at the first picture, not at start: libvips is a tenth of a second of every start.
  const { default: sharp } = await import('sharp')
  let metadata: Metadata
  try {
    metadata = await sharp(bytes).metadata()
  } catch (error) {
    if (/unsupported image format/i.test(String((error as Error).message))) {
      return fail('invalid-file', `${fileName} is not an image Copydesk can use: use ${ACCEPTED}.`)
    }
    return damaged(error)
  }
  if (!isImageFormat(metadata.format)) {
    return fail(
      'invalid-file',
      `${fileName} is a ${String(metadata.format).toUpperCase()} image; use ${ACCEPTED}.`,
    )
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0)
  if (pixels > MAX_IMAGE_PIXELS) {
    const megapixels = (count: number) => `${Math.round(count / 1_000_000)} megapixels`
    return fail(
      'invalid-file',
      `${fileName} is ${metadata.width?.toLocaleString('en')} × ${metadata.height?.toLocaleString('en')} pixels (${megapixels(pixels)}); pictures can be at most ${megapixels(MAX_IMAGE_PIXELS)}. Scale it down and insert it again.`,
    )
  }
  try {
    // Decoding a small version reads every byte of the data: a truncated file fails here.
    await sharp(bytes, { failOn: 'truncated', animated: false })
      .resize(32, 32, { fit: 'inside' })
      .raw()
      .toBuffer()
  } catch (error) {
    return damaged(error)
  }
  return ok({ format: metadata.format, width: metadata.width ?? 0, height: metadata.height ?? 0 })
}

export interface PreparedImage {
  /** Asset path for the figure's `src`, named after the image's content. */
  src: string
  format: ImageFormat
  width: number
  height: number
}

/** Checks an image and names it as the library stores it, without storing it anywhere. */
export async function prepareImage(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<PreparedImage>> {
  const inspected = await inspect(fileName, bytes)
  if (!inspected.ok) return inspected
  const { format } = inspected.value
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32)
  return ok({
    ...inspected.value,
    src: `${ASSETS_FOLDER}/${hash}.${IMAGE_FORMATS[format].extension}`,
  })
}

/** Images inside articles' `assets/` folders, stored once each under a name made from their content. */
export class AssetStore {
  constructor(
    private readonly library: Library,
    private readonly captions = new CaptionReader(),
  ) {}

  /** Stops the caption reader's thread; the next picture starts another. */
  close(): Promise<void> {
    return this.captions.close()
  }

  /** Refused as `locked`, like every change, while somebody else is editing the article. */
  async importImage(
    articleId: string,
    fileName: string,
    bytes: Uint8Array,
    client = THIS_PROCESS.client,
  ): Promise<Result<ImportedImage>> {
    const prepared = await prepareImage(fileName, bytes)
    if (!prepared.ok) return prepared
    const { src, format, width, height } = prepared.value
    const stored = await this.library.whileEditable(articleId, client, () =>
      this.library.exclusive(articleId, () => this.store(articleId, fileName, src, bytes)),
    )
    if (!stored.ok) return stored
    return ok({
      src,
      format,
      width,
      height,
      reused: stored.value,
      ...(await this.captions.read(bytes)),
    })
  }

  /** Writes the image unless the same bytes are already there; true when they were. */
  private async store(
    articleId: string,
    fileName: string,
    src: string,
    bytes: Uint8Array,
  ): Promise<Result<boolean>> {
    const folder = await this.library.folderOf(articleId)
    if (!folder.ok) return folder
    const path = join(folder.value, src)
    try {
      if ((await stat(path).catch(() => undefined))?.size === bytes.byteLength) return ok(true)
      // Not recursive: if the article folder itself has gone, this must fail, not recreate it.
      await mkdir(join(folder.value, ASSETS_FOLDER)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
      await writeFileDurably(path, bytes)
      return ok(false)
    } catch (error) {
      return fsFailure(error, `store ${fileName}`)
    }
  }

  /** Reads a file from disk (the desktop file dialog hands over paths) and imports it. */
  async importFile(
    articleId: string,
    path: string,
    fileName: string,
    client = THIS_PROCESS.client,
  ): Promise<Result<ImportedImage>> {
    try {
      const { size } = await stat(path)
      if (size > MAX_IMAGE_BYTES) {
        return fail(
          'invalid-file',
          `${fileName} is ${formatMegabytes(size)}; images can be at most ${formatMegabytes(MAX_IMAGE_BYTES)}.`,
        )
      }
      return this.importImage(articleId, fileName, await readFile(path), client)
    } catch (error) {
      return fsFailure(error, `read ${fileName}`)
    }
  }

  /** Whether the image behind a figure's `src` is there, inside the article's folder. */
  async has(articleId: string, src: string): Promise<boolean> {
    if (!ASSET_PATH_PATTERN.test(src)) return false
    const folder = await this.library.folderOf(articleId)
    if (!folder.ok) return false
    const path = join(folder.value, src)
    const found = await stat(path).catch(() => undefined)
    return Boolean(found?.isFile()) && (await isInside(folder.value, path))
  }

  /** The image behind a figure's `src`; only accepted images inside that article's assets/ folder. */
  async read(articleId: string, src: string): Promise<Result<{ bytes: Buffer; mimeType: string }>> {
    const mimeType = imageMimeTypeOf(src)
    if (!ASSET_PATH_PATTERN.test(src) || !mimeType)
      return fail('invalid-request', `${src} is not an image asset path.`)
    const folder = await this.library.folderOf(articleId)
    if (!folder.ok) return folder
    const path = join(folder.value, src)
    // An asset that is a link out of the article's folder is treated as missing.
    if (!(await isInside(folder.value, path)))
      return fail('not-found', `${src} is not in this article's folder.`)
    try {
      return ok({ bytes: await readFile(path), mimeType })
    } catch (error) {
      return fsFailure(error, `read ${src}`)
    }
  }
}

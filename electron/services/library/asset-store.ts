import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  formatMegabytes,
  imageMimeTypeOf,
  MAX_IMAGE_BYTES,
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
import { prepareImage } from './prepare-image'

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

import { createHash } from 'node:crypto'
import type { Metadata } from 'sharp'
import {
  formatMegabytes,
  IMAGE_FORMATS,
  isImageFormat,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  type ImageFormat,
} from '../../../shared/assets/image-policy'
import { fail, ok, type Result } from '../../../shared/result'
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

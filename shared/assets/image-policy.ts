import type { PictureRights } from '../editor/figure'

/** What a figure may hold: the formats every CMS, browser and print system reads. */
export const IMAGE_FORMATS = {
  jpeg: { extension: 'jpg', mimeType: 'image/jpeg', label: 'JPEG' },
  png: { extension: 'png', mimeType: 'image/png', label: 'PNG' },
  webp: { extension: 'webp', mimeType: 'image/webp', label: 'WebP' },
  gif: { extension: 'gif', mimeType: 'image/gif', label: 'GIF' },
} as const
export type ImageFormat = keyof typeof IMAGE_FORMATS

export const MAX_IMAGE_BYTES = 50 * 1024 * 1024
/**
 * The most pixels a picture may have: a 100-megapixel medium-format frame fits; a 16,383-pixel
 * square (268 megapixels) took the host from 219 MB to 1.1 GB to make a package's renditions.
 */
export const MAX_IMAGE_PIXELS = 100_000_000

export const isImageFormat = (format: unknown): format is ImageFormat =>
  typeof format === 'string' && Object.hasOwn(IMAGE_FORMATS, format)

/** The content type for an asset file name, or undefined for anything that is not an accepted image. */
export function imageMimeTypeOf(fileName: string): string | undefined {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  return Object.values(IMAGE_FORMATS).find((format) => format.extension === extension)?.mimeType
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** What main hands back after taking an image into an article's assets/ folder. */
export interface ImportedImage extends PictureRights {
  /** Asset path for the figure's `src`. */
  src: string
  format: ImageFormat
  width: number
  height: number
  /** From the image's own IPTC / XMP / EXIF metadata; empty when it has none. Alt text is never guessed. */
  caption: string
  credit: string
  /** True when the same image was already in the article and was not stored again. */
  reused: boolean
}

import sharp, { type Sharp } from 'sharp'
import {
  RENDITION_JPEG_QUALITY,
  RENDITION_WIDTHS,
  type Rendition,
} from '../../../shared/export/renditions'
import { pictureXmp, type PictureMetadata } from '../../../shared/export/xmp'

export interface RenditionFile {
  rendition: Rendition
  bytes: Buffer
}

const ENCODINGS = [
  {
    extension: 'jpg',
    mimeType: 'image/jpeg',
    encode: (image: Sharp) => image.jpeg({ quality: RENDITION_JPEG_QUALITY }),
  },
  {
    extension: 'webp',
    mimeType: 'image/webp',
    // Effort 2 of 6: measured on a 2,048-px photo, 2.9 times faster than the default 4 for files
    // 7 % larger at the same quality; a package on deadline is worth more than the bytes.
    encode: (image: Sharp) => image.webp({ quality: 80, effort: 2 }),
  },
] as const

/**
 * A figure's image for publishing: the original, untouched (it is the photographer's file), and
 * JPEG and WebP at each rendition width narrower than the original, upright, carrying the
 * caption, credit, copyright and alt text as XMP.
 */
export async function makeRenditions(
  src: string,
  original: Buffer,
  mimeType: string,
  metadata: PictureMetadata,
): Promise<RenditionFile[]> {
  const fileName = src.replace(/^assets\//, '')
  const stem = fileName.replace(/\.[^.]+$/, '')
  // Decoded once, upright; each width is then resized from the next larger one, and the JPEG
  // and WebP of a width are encoded side by side.
  let source = await sharp(original).autoOrient().raw().toBuffer({ resolveWithObject: true })
  const { width, height } = source.info
  const files: RenditionFile[] = [
    {
      rendition: {
        name: 'original',
        path: `images/${fileName}`,
        mimeType,
        width,
        height,
        sizeInBytes: original.byteLength,
      },
      bytes: original,
    },
  ]
  const xmp = pictureXmp(metadata)
  const widths = RENDITION_WIDTHS.filter((candidate) => candidate < width).sort((a, b) => b - a)
  for (const targetWidth of widths) {
    source = await sharp(source.data, { raw: source.info })
      .resize({ width: targetWidth })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const resized = source
    const encoded = await Promise.all(
      ENCODINGS.map(async ({ extension, mimeType: type, encode }) => {
        const { data, info } = await encode(
          sharp(resized.data, { raw: resized.info }).withXmp(xmp),
        ).toBuffer({ resolveWithObject: true })
        return {
          rendition: {
            name: `w${targetWidth}-${extension}`,
            path: `images/${stem}-w${targetWidth}.${extension}`,
            mimeType: type,
            width: info.width,
            height: info.height,
            sizeInBytes: data.byteLength,
          },
          bytes: data,
        }
      }),
    )
    files.push(...encoded)
  }
  return files
}

import sharp, { type Sharp } from 'sharp'
import { RENDITION_WIDTHS, type Rendition } from '../../shared/export/renditions'
import { pictureXmp, type PictureMetadata } from '../../shared/export/xmp'

export interface RenditionFile {
  rendition: Rendition
  bytes: Buffer
}

const ENCODINGS = [
  {
    extension: 'jpg',
    mimeType: 'image/jpeg',
    encode: (image: Sharp) => image.jpeg({ quality: 82 }),
  },
  {
    extension: 'webp',
    mimeType: 'image/webp',
    encode: (image: Sharp) => image.webp({ quality: 80 }),
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
  const upright = await sharp(original).autoOrient().toBuffer({ resolveWithObject: true })
  const { width, height } = upright.info
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
  for (const targetWidth of RENDITION_WIDTHS.filter((candidate) => candidate < width)) {
    for (const { extension, mimeType: type, encode } of ENCODINGS) {
      const resized = encode(sharp(upright.data).resize({ width: targetWidth }).withXmp(xmp))
      const { data, info } = await resized.toBuffer({ resolveWithObject: true })
      files.push({
        rendition: {
          name: `w${targetWidth}-${extension}`,
          path: `images/${stem}-w${targetWidth}.${extension}`,
          mimeType: type,
          width: info.width,
          height: info.height,
          sizeInBytes: data.byteLength,
        },
        bytes: data,
      })
    }
  }
  return files
}

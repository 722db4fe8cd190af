import type { ArticleFields } from '../article'
import { IMAGE_FORMATS } from '../assets/image-policy'
import { ASSET_PATH_PATTERN } from '../editor/figure'
import { figuresOf } from '../export/figures'

/**
 * Where the desk keeps the pictures of shared stories: `PUT`, `GET` and `HEAD` on
 * `/pictures/<name>`, with the person's token as Bearer. A picture's name is the one every
 * library gives it (the first 32 hex digits of its SHA-256 and its format's extension), so the
 * same picture is kept once and a name says exactly which bytes it stands for.
 */
export const DESK_PICTURES_PATH = '/pictures'

const EXTENSIONS = Object.values(IMAGE_FORMATS)
  .map((format) => format.extension)
  .join('|')
const PICTURE_NAME = new RegExp(`^[0-9a-f]{32}\\.(?:${EXTENSIONS})$`)

export const isDeskPictureName = (name: string): boolean => PICTURE_NAME.test(name)

/** The names of the pictures a story's figures show, each once, in reading order. */
export function storyPictureNames(fields: Pick<ArticleFields, 'body'>): string[] {
  const names = figuresOf(fields.body)
    .map((figure) => figure.src)
    .filter((src) => ASSET_PATH_PATTERN.test(src))
    .map((src) => src.slice(src.indexOf('/') + 1))
    .filter(isDeskPictureName)
  return [...new Set(names)]
}

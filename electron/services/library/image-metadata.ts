import { parse as parseMetadata, sidecar } from 'exifr'
import type { PictureRights } from '../../../shared/editor/figure'

/** What a picture's own metadata says about it: its caption, credit line and rights. */
export interface EmbeddedCaption extends PictureRights {
  caption: string
  credit: string
}

export const NO_EMBEDDED_CAPTION: EmbeddedCaption = {
  caption: '',
  credit: '',
  creator: '',
  copyright: '',
  source: '',
}

type Tags = Record<string, unknown>

/**
 * exifr reads IPTC text as Latin-1 even when the file declares UTF-8 (as modern wire photos do):
 * "Ōwhiro" arrives as "Å\x8Cwhiro". Re-decode when the bytes are valid UTF-8; genuine Latin-1
 * ("Zürich" as 0xFC) is not, and stays as it is.
 */
function repairUtf8(value: string): string {
  const onlyLatin1 = Array.from(value).every((char) => char.charCodeAt(0) <= 0xff)
  if (!onlyLatin1 || !/[\u0080-\u00ff]/.test(value)) return value
  const decoded = Buffer.from(value, 'latin1').toString('utf8')
  return decoded.includes('\uFFFD') ? value : decoded
}

/** exifr gives XMP language alternatives as { lang, value } or a list of them. */
function text(value: unknown): string {
  if (typeof value === 'string') return repairUtf8(value).trim()
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ')
  if (value && typeof value === 'object' && 'value' in value)
    return text((value as { value: unknown }).value)
  return ''
}

/**
 * The most XMP read, whitespace aside: what one JPEG segment can hold. exifr's XMP reader takes
 * time that grows with the square of some crafted packets (repeated unclosed `<rdf:li>`: 160 KB
 * took seconds, 4.6 MB minutes); a photo's caption and credit fit many times over in this.
 */
export const MAX_XMP_CHARACTERS = 64 * 1024

/** XMP's tags, namespaces set aside (`dc.description` becomes `description`), or none. */
async function xmpTags(packet: unknown): Promise<Tags> {
  if (typeof packet !== 'string') return {}
  if (packet.replace(/\s+/g, ' ').length > MAX_XMP_CHARACTERS) return {}
  const parsed = (await sidecar(Buffer.from(packet), {}, 'xmp')) as
    Record<string, unknown> | undefined
  const tags: Tags = {}
  for (const [namespace, values] of Object.entries(parsed ?? {})) {
    if (namespace !== 'xmlns' && values && typeof values === 'object') Object.assign(tags, values)
  }
  return tags
}

const first = (tags: Tags, ...names: string[]) =>
  names.map((name) => text(tags[name])).find(Boolean) ?? ''

/**
 * The caption, credit and rights a photographer or agency embedded: IPTC first (what wire
 * services fill), then XMP, then EXIF. The copyright notice stays a copyright notice. Unreadable metadata means none, never a failed import; XMP over
 * `MAX_XMP_CHARACTERS` is left unread. Runs in the import worker, under its time limit.
 */
export async function readEmbeddedCaption(bytes: Uint8Array): Promise<EmbeddedCaption> {
  let tags: Tags
  try {
    const { xmp, ...others } = ((await parseMetadata(Buffer.from(bytes), {
      tiff: true,
      xmp: { parse: false },
      iptc: true,
      mergeOutput: true,
    })) ?? {}) as Tags
    tags = { ...(await xmpTags(xmp)), ...others }
  } catch {
    return NO_EMBEDDED_CAPTION
  }
  const caption = first(tags, 'Caption', 'Caption-Abstract', 'description', 'ImageDescription')
  const creditLine = first(tags, 'Credit')
  const source = first(tags, 'Source')
  const creator = first(tags, 'Byline', 'By-line', 'creator', 'Artist')
  const copyright = first(tags, 'CopyrightNotice', 'Copyright Notice', 'rights', 'Copyright')
  const agency = creditLine || source
  const credit =
    creator && agency && creator !== agency
      ? `${creator}/${agency}`
      : agency || creator || copyright
  return { caption, credit, creator, copyright, source }
}

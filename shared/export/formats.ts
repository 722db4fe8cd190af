import type { Article } from '../article'

/** The formats rendered as text by pure functions; DOCX and packages need the images' bytes. */
export const TEXT_FORMATS = [
  'html',
  'html-fragment',
  'md',
  'txt',
  'ninjs',
  'ninjs3',
  'nitf',
] as const
export type TextFormat = (typeof TEXT_FORMATS)[number]

export const EXPORT_FORMATS = [...TEXT_FORMATS, 'docx', 'package'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const isTextFormat = (format: ExportFormat): format is TextFormat =>
  (TEXT_FORMATS as readonly string[]).includes(format)

export const EXPORT_FORMAT_INFO: Record<
  ExportFormat,
  { label: string; suffix: string; mimeType: string }
> = {
  html: { label: 'HTML page', suffix: '.html', mimeType: 'text/html;charset=utf-8' },
  'html-fragment': {
    label: 'HTML body for a CMS',
    suffix: '.fragment.html',
    mimeType: 'text/html;charset=utf-8',
  },
  md: { label: 'Markdown', suffix: '.md', mimeType: 'text/markdown;charset=utf-8' },
  txt: { label: 'Plain text (wire)', suffix: '.txt', mimeType: 'text/plain;charset=utf-8' },
  ninjs: { label: 'IPTC ninjs 2.2', suffix: '.ninjs.json', mimeType: 'application/json' },
  ninjs3: { label: 'IPTC ninjs 3.1', suffix: '.ninjs3.json', mimeType: 'application/json' },
  nitf: { label: 'NITF 3.6', suffix: '.nitf.xml', mimeType: 'application/xml' },
  docx: {
    label: 'Word (DOCX)',
    suffix: '.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  package: { label: 'Package (zip with images)', suffix: '.zip', mimeType: 'application/zip' },
}

/** `slug.ninjs.json` and so on: one file name per format. */
export const exportFileName = (article: Article, format: ExportFormat) =>
  `${article.slug}${EXPORT_FORMAT_INFO[format].suffix}`

export interface ExportedFile {
  fileName: string
  mimeType: string
  /** Text as is, or binary (DOCX, zip) as base64. */
  content: string
  encoding: 'utf8' | 'base64'
  /** What the person exporting should be told about the file, e.g. that it has no pictures. */
  notes?: string[]
}

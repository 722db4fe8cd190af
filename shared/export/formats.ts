export const EXPORT_FORMATS = ['html', 'md', 'txt'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_FORMAT_INFO: Record<
  ExportFormat,
  { label: string; extension: string; mimeType: string }
> = {
  html: { label: 'HTML page', extension: 'html', mimeType: 'text/html;charset=utf-8' },
  md: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  txt: { label: 'Plain text', extension: 'txt', mimeType: 'text/plain;charset=utf-8' },
}

export interface ExportedFile {
  fileName: string
  mimeType: string
  content: string
}

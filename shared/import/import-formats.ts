export const IMPORT_FORMATS = {
  docx: 'Word (.docx)',
  html: 'web page (.html)',
  md: 'Markdown (.md)',
  txt: 'plain text (.txt)',
  ninjs: 'ninjs (.json)',
  nitf: 'NITF (.xml)',
  package: 'Copydesk package (.zip)',
} as const
export type ImportFormat = keyof typeof IMPORT_FORMATS
/** Formats read by a parser; a package is unpacked and the story inside it imported. */
export type ParseableFormat = Exclude<ImportFormat, 'package'>

/** File name endings Copydesk imports, and what each is. */
export const IMPORT_EXTENSIONS: Record<string, ImportFormat> = {
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.text': 'txt',
  '.json': 'ninjs',
  '.xml': 'nitf',
  '.nitf': 'nitf',
  '.zip': 'package',
}

export const ACCEPTED_FORMATS = Object.values(IMPORT_FORMATS).join(', ')

/** What the file is, by its name, or by its first bytes when the name says nothing. */
export function detectImportFormat(fileName: string, bytes: Uint8Array): ImportFormat | undefined {
  const extension = /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase()
  if (extension) return IMPORT_EXTENSIONS[extension]
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase()
  if (head.startsWith('pk\u0003\u0004')) return 'docx'
  if (head.startsWith('{')) return 'ninjs'
  if (head.startsWith('<?xml') || head.startsWith('<nitf')) return 'nitf'
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html'
  return 'txt'
}

import type { ExportedFile } from '../../../shared/export/formats'

/** The file's bytes: text as UTF-8, binary formats (DOCX, zip) decoded from base64. */
function bytesOf(file: ExportedFile): BlobPart {
  if (file.encoding === 'utf8') return file.content
  const binary = atob(file.content)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/** Hands an exported file to the browser's (or Electron's) own download and save dialog. */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

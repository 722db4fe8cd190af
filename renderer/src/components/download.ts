import type { ExportedFile } from '../../../shared/export/formats'

/** Hands an exported file to the browser's (or Electron's) own download and save dialog. */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

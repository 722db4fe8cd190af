import type { ExportedFile } from './formats'

/** A batch: one zip of every article that passed its preflight, and why the others did not. */
export interface BatchExport {
  file: ExportedFile
  exported: number
  skipped: { id: string; title: string; reason: string }[]
}

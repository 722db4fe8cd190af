import { dirname, join, resolve } from 'node:path'
import type { Article, ArticleStatus } from '../../shared/article'
import type { ExportedFile, ExportFormat, PreflightReport } from '../../shared/export'
import { writeFileDurably } from '../services/disk/atomic-file'
import type { Exporter } from '../services/export/exporter'
import { fsFailure } from '../services/disk/fs-failure'
import type { Catalog } from '../services/search/catalog'
import type { Library } from '../services/library/library'
import { CliError, type CliIo } from './cli-io'
import { makeFolders } from '../services/disk/make-folders'

export interface ExportOptions {
  library?: string
  format: ExportFormat
  out: string
  status?: ArticleStatus
  force?: boolean
  withChanges?: boolean
}

/** What the exporter is asked for, from the command's options. */
export const exportChoices = ({ force, withChanges }: ExportOptions) => ({
  ...(force && { force }),
  ...(withChanges && { withChanges }),
})

/** The checklist as the CLI prints it: one line per item, blocking ones first. */
export function formatPreflight(article: Article, report: PreflightReport): string {
  const title = article.headline || article.slug
  if (report.items.length === 0) return `Preflight for "${title}": all clear.\n`
  const lines = [...report.items]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1))
    .map((item) => `  ${item.severity === 'blocking' ? 'BLOCKING' : 'warning '}  ${item.message}`)
  return `Preflight for "${title}": ${report.blocking} blocking, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}\n${lines.join('\n')}\n`
}

/** Writes an exported file atomically, creating its folder; returns where it went. */
export async function writeExported(path: string, file: ExportedFile): Promise<string> {
  try {
    await makeFolders(dirname(path))
    await writeFileDurably(path, Buffer.from(file.content, file.encoding))
    return path
  } catch (error) {
    throw new CliError(fsFailure(error, `write ${path}`).error.message)
  }
}

/**
 * A file name no other article of this batch has taken: stories that share a slug (two
 * "council-meeting"s) each keep their own file, the later ones marked with their id.
 */
function distinctName(fileName: string, id: string, taken: Set<string>): string {
  let name = fileName
  if (taken.has(name)) {
    const dot = fileName.indexOf('.')
    const [base, extension] =
      dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, '']
    name = `${base}-${id.slice(0, 8)}${extension}`
  }
  taken.add(name)
  return name
}

/**
 * Every article in one status, each to its own file in the folder `--out`. An article whose
 * preflight blocks is reported and skipped; the command then ends with an error.
 */
export async function exportByStatus(
  { library, catalog, exporter }: { library: Library; catalog: Catalog; exporter: Exporter },
  options: ExportOptions,
  io: CliIo,
): Promise<void> {
  const listing = await catalog.list()
  if (!listing.ok) throw new CliError(listing.error.message)
  const chosen = listing.value.articles.filter((summary) => summary.status === options.status)
  if (chosen.length === 0) {
    io.stderr(`No ${options.status} articles to export.\n`)
    return
  }
  const folder = resolve(options.out)
  let failed = 0
  let written = 0
  const names = new Set<string>()
  for (const summary of chosen) {
    const article = await library.open(summary.id)
    const file = article.ok
      ? await exporter.export(article.value, options.format, exportChoices(options))
      : article
    if (!file.ok) {
      failed++
      io.stderr(`Skipped "${summary.headline || summary.slug}": ${file.error.message}\n`)
      continue
    }
    const name = distinctName(file.value.fileName, summary.id, names)
    const out = await writeExported(join(folder, name), file.value)
    written++
    io.stderr(`Exported "${summary.headline || summary.slug}" to ${out}\n`)
  }
  io.stderr(`Wrote ${written} of ${chosen.length} ${options.status} articles to ${folder}.\n`)
  if (failed)
    throw new CliError(
      `${failed} of ${chosen.length} ${options.status} articles were not exported.`,
    )
}

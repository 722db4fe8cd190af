import type { Article } from '../article'
import { exportArticle } from './export-article'
import type { ExportedFile, TextFormat } from './formats'

/** The exported file, for tests of articles that are ready to export. */
export function exported(article: Article, format: TextFormat): ExportedFile {
  const result = exportArticle(article, format)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

import type { Article } from '../article'
import { EXPORT_FORMAT_INFO, type ExportedFile, type ExportFormat } from './formats'
import { renderArticleHtml } from './html'
import { renderArticleMarkdown } from './markdown'
import { renderArticleText } from './text'

const renderers: Record<ExportFormat, (article: Article) => string> = {
  html: renderArticleHtml,
  md: renderArticleMarkdown,
  txt: renderArticleText,
}

export function exportArticle(article: Article, format: ExportFormat): ExportedFile {
  const { extension, mimeType } = EXPORT_FORMAT_INFO[format]
  return { fileName: `${article.slug}.${extension}`, mimeType, content: renderers[format](article) }
}

import type { Article } from '../article'
import { fail, ok, type Result } from '../ipc/result'
import { pendingSuggestionCount } from '../suggestions/pending'
import { EXPORT_FORMAT_INFO, type ExportedFile, type ExportFormat } from './formats'
import { renderArticleHtml } from './html'
import { renderArticleMarkdown } from './markdown'
import { renderArticleText } from './text'

const renderers: Record<ExportFormat, (article: Article) => string> = {
  html: renderArticleHtml,
  md: renderArticleMarkdown,
  txt: renderArticleText,
}

/**
 * The article as a file in `format`. Suggestions are the desk's unfinished business: an export
 * waits until each is accepted or rejected, so no proposed or struck text reaches a reader.
 */
export function exportArticle(article: Article, format: ExportFormat): Result<ExportedFile> {
  const pending = pendingSuggestionCount(article)
  if (pending > 0) {
    return fail(
      'invalid-request',
      `"${article.headline || article.slug}" has ${pending} suggestion${pending === 1 ? '' : 's'} waiting: accept or reject ${pending === 1 ? 'it' : 'them'} before exporting.`,
    )
  }
  const { extension, mimeType } = EXPORT_FORMAT_INFO[format]
  return ok({
    fileName: `${article.slug}.${extension}`,
    mimeType,
    content: renderers[format](article),
  })
}

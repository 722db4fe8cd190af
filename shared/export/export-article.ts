import type { Article } from '../article'
import { fail, ok, type Result } from '../result'
import { pendingSuggestionCount } from '../suggestions/pending'
import { figuresOf } from './figures'
import { EXPORT_FORMAT_INFO, exportFileName, type ExportedFile, type TextFormat } from './formats'
import { renderArticleHtml, renderArticleHtmlFragment } from './html'
import { renderArticleMarkdown } from './markdown'
import { buildNinjs22, buildNinjs31 } from './ninjs'
import { renderArticleNitf } from './nitf'
import { DEFAULT_EXPORT_CONTEXT, type ExportContext } from './renditions'
import { renderArticleText } from './text'

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

const renderers: Record<TextFormat, (article: Article, context: ExportContext) => string> = {
  html: renderArticleHtml,
  'html-fragment': renderArticleHtmlFragment,
  md: renderArticleMarkdown,
  txt: (article) => renderArticleText(article),
  ninjs: (article, context) => json(buildNinjs22(article, context)),
  ninjs3: (article, context) => json(buildNinjs31(article, context)),
  nitf: renderArticleNitf,
}

export function renderTextFormat(
  article: Article,
  format: TextFormat,
  context: ExportContext = DEFAULT_EXPORT_CONTEXT,
): string {
  return renderers[format](article, context)
}

/**
 * The article as one text file in `format`, as the app and the CLI hand it over. Only a package
 * carries the picture files, so a single file names none of them; with pictures in the story,
 * the result says so and where to get them.
 */
export function exportTextFile(
  article: Article,
  format: TextFormat,
  context: ExportContext = DEFAULT_EXPORT_CONTEXT,
): ExportedFile {
  const pictures = figuresOf(article.body).length
  return {
    fileName: exportFileName(article, format),
    mimeType: EXPORT_FORMAT_INFO[format].mimeType,
    content: renderTextFormat(article, format, context),
    encoding: 'utf8',
    ...(pictures > 0 && {
      notes: [
        `This file has no pictures (the story has ${pictures}): export the package to get them.`,
      ],
    }),
  }
}

/**
 * The article as a text file in `format`. Suggestions are the desk's unfinished business: an
 * export waits until each is accepted or rejected, so no proposed or struck text reaches a reader.
 */
export function exportArticle(
  article: Article,
  format: TextFormat,
  context: ExportContext = DEFAULT_EXPORT_CONTEXT,
): Result<ExportedFile> {
  const pending = pendingSuggestionCount(article)
  if (pending > 0) {
    return fail(
      'invalid-request',
      `"${article.headline || article.slug}" has ${pending} suggestion${pending === 1 ? '' : 's'} waiting: accept or reject ${pending === 1 ? 'it' : 'them'} before exporting.`,
    )
  }
  return ok(exportTextFile(article, format, context))
}

import type {
  Article,
  ArticleFields,
  ArticleStatus,
  BylineSuggestion,
  CommentThread,
  EditedFields,
} from '../../../shared/article'
import type { EncodedBody } from '../../../shared/editor/encode-body'
import { suggestionIds } from '../../../shared/suggestions/list-suggestions'
import { recordsFor } from './suggestion-store'

export interface BylineRow {
  name: string
  role: string
  suggestion?: BylineSuggestion
}

/** The article's fields as the form holds them while a person types (a byline row may be half-filled). */
export interface ArticleForm {
  headline: string
  standfirst: string
  byline: BylineRow[]
  dateline: string
  section: string
  keywordsText: string
  status: ArticleStatus
  slug: string
  styleIgnores: string[]
  comments: CommentThread[]
  tracked: ArticleFields['tracked']
}

export function formFromArticle(article: Article): ArticleForm {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    byline: article.byline.map(({ name, role, suggestion }) => ({
      name,
      role: role ?? '',
      ...(suggestion && { suggestion }),
    })),
    dateline: article.dateline,
    section: article.section,
    keywordsText: article.keywords.join(', '),
    status: article.status,
    slug: article.slug,
    styleIgnores: article.styleIgnores,
    comments: article.comments,
    tracked: article.tracked,
  }
}

/** The fields to save or journal, with the body as the editor encoded it. */
export function fieldsFromForm(form: ArticleForm, body: EncodedBody): EditedFields {
  const byline = form.byline
    .map(({ name, role, suggestion }) => ({ name: name.trim(), role: role.trim(), suggestion }))
    .filter(({ name }) => name)
    .map(({ name, role, suggestion }) => ({
      name,
      ...(role && { role }),
      ...(suggestion && { suggestion }),
    }))
  const ids = new Set(body.suggestionIds)
  for (const line of Object.values(form.tracked))
    suggestionIds({ type: 'line', content: line }, ids)
  for (const { suggestion } of byline) if (suggestion) ids.add(suggestion.id)
  return {
    slug: form.slug,
    styleIgnores: form.styleIgnores,
    comments: form.comments,
    headline: form.headline.trim(),
    standfirst: form.standfirst.trim(),
    byline,
    dateline: form.dateline.trim(),
    section: form.section.trim(),
    keywords: [
      ...new Set(
        form.keywordsText
          .split(',')
          .map((keyword) => keyword.trim())
          .filter(Boolean),
      ),
    ],
    status: form.status,
    body: body.json,
    tracked: form.tracked,
    suggestions: recordsFor(ids),
  }
}

import type { Article, ArticleFields, ArticleStatus, CommentThread } from '../../../shared/article'

export interface BylineRow {
  name: string
  role: string
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
}

export function formFromArticle(article: Article): ArticleForm {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    byline: article.byline.map(({ name, role }) => ({ name, role: role ?? '' })),
    dateline: article.dateline,
    section: article.section,
    keywordsText: article.keywords.join(', '),
    status: article.status,
    slug: article.slug,
    styleIgnores: article.styleIgnores,
    comments: article.comments,
  }
}

export function fieldsFromForm(form: ArticleForm, body: ArticleFields['body']): ArticleFields {
  return {
    slug: form.slug,
    styleIgnores: form.styleIgnores,
    comments: form.comments,
    headline: form.headline.trim(),
    standfirst: form.standfirst.trim(),
    byline: form.byline
      .map(({ name, role }) => ({ name: name.trim(), role: role.trim() }))
      .filter(({ name }) => name)
      .map(({ name, role }) => (role ? { name, role } : { name })),
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
    body,
  }
}

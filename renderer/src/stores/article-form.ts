import {
  bylineToText,
  parseBylineText,
  type Article,
  type ArticleFields,
  type ArticleStatus,
} from '../../../shared/article'

/** The article's fields as the form holds them: bylines and keywords as the text a person types. */
export interface ArticleForm {
  headline: string
  standfirst: string
  bylineText: string
  dateline: string
  section: string
  keywordsText: string
  status: ArticleStatus
  slug: string
}

export function formFromArticle(article: Article): ArticleForm {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    bylineText: bylineToText(article.byline),
    dateline: article.dateline,
    section: article.section,
    keywordsText: article.keywords.join(', '),
    status: article.status,
    slug: article.slug,
  }
}

export function fieldsFromForm(form: ArticleForm, body: ArticleFields['body']): ArticleFields {
  return {
    headline: form.headline.trim(),
    standfirst: form.standfirst.trim(),
    byline: parseBylineText(form.bylineText),
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
    slug: form.slug,
    body,
  }
}

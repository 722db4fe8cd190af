import type {
  Article,
  ArticleFields,
  ArticleStatus,
  BylineSuggestion,
  CommentThread,
  EditedFields,
  QuoteLogEntry,
  Source,
} from '../../../shared/article'
import type { StoryDetails } from '../../../shared/desk/story-document'
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
  sources: Source[]
  quotes: QuoteLogEntry[]
  /** The slot's id; empty for none. */
  slot: string
  tracked: ArticleFields['tracked']
}

const bylineRows = (byline: ArticleFields['byline']): BylineRow[] =>
  byline.map(({ name, role, suggestion }) => ({
    name,
    role: role ?? '',
    ...(suggestion && { suggestion }),
  }))

export function formFromArticle(article: Article): ArticleForm {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    byline: bylineRows(article.byline),
    dateline: article.dateline,
    section: article.section,
    keywordsText: article.keywords.join(', '),
    status: article.status,
    slug: article.slug,
    styleIgnores: article.styleIgnores,
    comments: article.comments,
    sources: article.sources,
    quotes: article.quotes,
    slot: article.slot ?? '',
    tracked: article.tracked,
  }
}

/** Everything but the texts, cleaned as a save writes them: blank byline rows left out. */
export function detailsFromForm(form: ArticleForm): Omit<StoryDetails, 'suggestions'> {
  return {
    slug: form.slug,
    styleIgnores: form.styleIgnores,
    comments: form.comments,
    sources: form.sources,
    quotes: form.quotes,
    ...(form.slot && { slot: form.slot }),
    byline: form.byline
      .map(({ name, role, suggestion }) => ({ name: name.trim(), role: role.trim(), suggestion }))
      .filter(({ name }) => name)
      .map(({ name, role, suggestion }) => ({
        name,
        ...(role && { role }),
        ...(suggestion && { suggestion }),
      })),
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
  }
}

/** The fields to save or journal, with the body as the editor encoded it. */
export function fieldsFromForm(form: ArticleForm, body: EncodedBody): EditedFields {
  const details = detailsFromForm(form)
  const ids = new Set(body.suggestionIds)
  for (const line of Object.values(form.tracked))
    suggestionIds({ type: 'line', content: line }, ids)
  for (const { suggestion } of details.byline) if (suggestion) ids.add(suggestion.id)
  return {
    ...details,
    headline: form.headline.trim(),
    standfirst: form.standfirst.trim(),
    body: body.json,
    tracked: form.tracked,
    suggestions: recordsFor(ids),
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The form with what others changed in a shared story. A part the form already holds as they do
 * is left as typed, so a byline row half filled in or a keyword list mid-comma stays as it is.
 */
export function formWithDetails(form: ArticleForm, details: StoryDetails): ArticleForm {
  const mine = detailsFromForm(form)
  const changes: Partial<ArticleForm> = {}
  if (!same(mine.byline, details.byline)) changes.byline = bylineRows(details.byline)
  if (!same(mine.keywords, details.keywords)) changes.keywordsText = details.keywords.join(', ')
  const replaced = [
    'slug',
    'dateline',
    'section',
    'status',
    'styleIgnores',
    'comments',
    'sources',
    'quotes',
  ] as const
  if ((mine.slot ?? '') !== (details.slot ?? '')) changes.slot = details.slot ?? ''
  for (const key of replaced)
    if (!same(mine[key], details[key])) Object.assign(changes, { [key]: details[key] })
  return Object.keys(changes).length === 0 ? form : { ...form, ...changes }
}

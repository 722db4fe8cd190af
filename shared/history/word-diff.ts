import { diffWordsWithSpace } from 'diff'
import { formatByline, type ArticleFields } from '../article'
import { plainText } from '../article/words'

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

export interface FieldDiff {
  field: string
  label: string
  parts: DiffPart[]
  changed: boolean
}

/** Word-level differences, so a changed word shows as one word struck and one added. */
export function diffWords(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }))
}

/** Each field as a reader compares it: text, with the body's blocks on lines of their own. */
function comparable(fields: ArticleFields): [string, string, string][] {
  return [
    ['headline', 'Headline', fields.headline],
    ['standfirst', 'Standfirst', fields.standfirst],
    ['byline', 'Byline', formatByline(fields.byline)],
    ['dateline', 'Dateline', fields.dateline],
    ['section', 'Section', fields.section],
    ['keywords', 'Keywords', fields.keywords.join(', ')],
    ['status', 'Status', fields.status],
    ['slug', 'Slug', fields.slug],
    ['body', 'Body', plainText(fields.body)],
  ]
}

/** Field by field, what changed from `before` to `after`. */
export function diffArticles(before: ArticleFields, after: ArticleFields): FieldDiff[] {
  const afterText = new Map(comparable(after).map(([field, , text]) => [field, text]))
  return comparable(before).map(([field, label, text]) => {
    const parts = diffWords(text, afterText.get(field) ?? '')
    return { field, label, parts, changed: parts.some((part) => part.kind !== 'same') }
  })
}

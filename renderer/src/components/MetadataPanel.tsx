import { allowedNextStatuses, ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/article'
import { Panel } from './Panel'
import type { ArticleForm } from '../stores/article-form'
import { useEditorStore } from '../stores/editor-store'
import { CommentsPanel } from './CommentsPanel'
import { CopyfitPanel } from './CopyfitPanel'
import { CountsPanel } from './CountsPanel'
import { HistoryPanel } from './HistoryPanel'
import { SourcesPanel } from './SourcesPanel'
import { StylePanel } from './StylePanel'
import { SuggestionsPanel } from './SuggestionsPanel'

type TextField = 'slug' | 'section' | 'keywordsText' | 'dateline'

const FIELDS: { field: TextField; label: string; placeholder?: string }[] = [
  { field: 'slug', label: 'Slug' },
  { field: 'section', label: 'Section', placeholder: 'News' },
  { field: 'keywordsText', label: 'Keywords', placeholder: 'transport, roads' },
  { field: 'dateline', label: 'Dateline', placeholder: 'WELLINGTON' },
]

/** The story's metadata, beside the text: slug, section, keywords, dateline and status. */
export function MetadataPanel({ form }: { form: ArticleForm }) {
  const edit = useEditorStore((state) => state.edit)
  const articleId = useEditorStore((state) => state.article?.id)
  // A shared story's every change is kept as it is made: its status is the one the form shows.
  const savedStatus = useEditorStore((state) =>
    state.shared ? state.form?.status : state.article?.status,
  )
  // A story moves one step at a time from its saved status, forward or back.
  const statuses = savedStatus ? allowedNextStatuses(savedStatus) : [...ARTICLE_STATUSES]
  return (
    <aside className="metadata" aria-label="Metadata">
      <Panel id="details" name="Details" title="Details">
        {FIELDS.map(({ field, label, placeholder }) => (
          <label className="field" key={field}>
            <span>{label}</span>
            <input
              type="text"
              value={form[field]}
              placeholder={placeholder}
              spellCheck={field !== 'slug'}
              onChange={(event) => edit({ [field]: event.target.value })}
            />
          </label>
        ))}
        <label className="field">
          <span>Status</span>
          <select
            value={form.status}
            onChange={(event) => edit({ status: event.target.value as ArticleStatus })}
          >
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
      </Panel>
      <CountsPanel />
      <CopyfitPanel />
      <SuggestionsPanel />
      <CommentsPanel />
      <StylePanel />
      <SourcesPanel />
      {articleId && <HistoryPanel articleId={articleId} />}
    </aside>
  )
}

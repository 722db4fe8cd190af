import type { ChangeEvent } from 'react'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/article'
import type { ArticleForm } from '../stores/article-form'
import { useEditorStore } from '../stores/editor-store'
import { ArticleToolbar } from './ArticleToolbar'
import { BodyEditor } from './BodyEditor'
import { SaveStatus } from './SaveStatus'

type TextField = Exclude<keyof ArticleForm, 'status'>

export function ArticleEditor() {
  const article = useEditorStore((state) => state.article)
  const form = useEditorStore((state) => state.form)
  const edit = useEditorStore((state) => state.edit)
  if (!article || !form) return null

  const bind = (field: TextField) => ({
    value: form[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      edit({ [field]: event.target.value }),
  })

  return (
    <article className="article-editor" aria-label="Article">
      <ArticleToolbar articleId={article.id} />
      <SaveStatus />
      <label className="field headline-field">
        <span>Headline</span>
        <input
          type="text"
          {...bind('headline')}
          placeholder="Headline"
          autoFocus={!form.headline}
        />
      </label>
      <label className="field">
        <span>Standfirst</span>
        <textarea
          rows={2}
          {...bind('standfirst')}
          placeholder="One or two sentences that sell the story"
        />
      </label>
      <label className="field">
        <span>Byline</span>
        <input
          type="text"
          {...bind('bylineText')}
          placeholder="Ana Lee, Sam Roe (Additional reporting)"
        />
      </label>
      <div className="metadata" role="group" aria-label="Metadata">
        <label className="field">
          <span>Dateline</span>
          <input type="text" {...bind('dateline')} placeholder="WELLINGTON" />
        </label>
        <label className="field">
          <span>Section</span>
          <input type="text" {...bind('section')} />
        </label>
        <label className="field">
          <span>Keywords</span>
          <input type="text" {...bind('keywordsText')} placeholder="transport, roads" />
        </label>
        <label className="field">
          <span>Slug</span>
          <input type="text" {...bind('slug')} spellCheck={false} />
        </label>
        <label className="field">
          <span>Status</span>
          <select
            value={form.status}
            onChange={(event) => edit({ status: event.target.value as ArticleStatus })}
          >
            {ARTICLE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field">
        <span aria-hidden="true">Body</span>
        <BodyEditor key={article.id} initialBody={article.body} />
      </div>
    </article>
  )
}

import { looksLikeCopiedPage, parseCopiedPage } from '../../../shared/import/copied-page'
import { escapeHtml, type ParsedStory } from '../../../shared/import/parsed-story'
import { useEditorStore } from '../stores/editor-store'
import { useFieldEditors } from '../stores/field-editors'

/** The body of a pasted page: a picture named only by its caption stays as text. */
function bodyHtmlOf(story: ParsedStory): string {
  return story.bodyHtml.replace(/<figure data-picture="(\d+)"><\/figure>/g, (_, index: string) => {
    const picture = story.pictures[Number(index)]
    const words = [picture?.caption, picture?.credit && `Credit: ${picture.credit}`]
      .filter(Boolean)
      .join(' ')
    return words ? `<p>${escapeHtml(`[Picture: ${words}]`)}</p>` : ''
  })
}

/**
 * A whole page copied from a browser (Select All, Copy) pasted into a story that is still empty:
 * read as importing that text reads it, its headline, standfirst, byline and body each into its
 * own field, instead of every menu line landing where the cursor is. Says whether it did.
 */
export function pasteCopiedPage(data: DataTransfer | null): boolean {
  const text = data?.getData('text/plain') ?? ''
  const { form, lock, edit } = useEditorStore.getState()
  const { Headline, Standfirst, Body } = useFieldEditors.getState().editors
  const empty = form && !form.headline && !form.standfirst && Body?.isEmpty
  if (!empty || lock?.editable === false || !text || !looksLikeCopiedPage(text)) return false
  const story = parseCopiedPage(text)
  if (!story.headline && !story.bodyHtml) return false
  Headline?.commands.setContent(story.headline ? `<p>${escapeHtml(story.headline)}</p>` : '')
  Standfirst?.commands.setContent(story.standfirst ? `<p>${escapeHtml(story.standfirst)}</p>` : '')
  if (story.byline.length > 0)
    edit({ byline: story.byline.map(({ name, role }) => ({ name, role: role ?? '' })) })
  Body?.chain().setContent(bodyHtmlOf(story)).focus('end').run()
  return true
}

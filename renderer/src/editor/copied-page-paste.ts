import { looksLikeCopiedPage, parseCopiedPage } from '../../../shared/import/copied-page'
import { AWAITS_PICTURE_ATTRIBUTE } from '../../../shared/editor/figure'
import { figureHtml } from '../../../shared/import/figure-html'
import { escapeHtml, type ParsedStory } from '../../../shared/import/parsed-story'
import { useEditorStore } from '../stores/editor-store'
import { useFieldEditors } from '../stores/field-editors'

/**
 * The body of a pasted page, each picture it named a figure that keeps its caption and credit
 * and waits for the picture file to be dropped on it, as an imported page's does.
 */
function bodyHtmlOf(story: ParsedStory): string {
  return story.bodyHtml.replace(/<figure data-picture="(\d+)"><\/figure>/g, (_, index: string) => {
    const picture = story.pictures[Number(index)]
    return picture ? figureHtml(picture, { [AWAITS_PICTURE_ATTRIBUTE]: '' }) : ''
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

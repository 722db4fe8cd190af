/** Marks the story's fields in reading order, so Enter in one can move to the next. */
export const STORY_FIELD_ATTRIBUTE = 'data-story-field'

export function focusNextStoryField(from: Element): void {
  const fields = Array.from(document.querySelectorAll<HTMLElement>(`[${STORY_FIELD_ATTRIBUTE}]`))
  const index = fields.findIndex((field) => field === from || field.contains(from))
  fields[index + 1]?.focus()
}

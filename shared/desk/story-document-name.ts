/** A shared story's document is named by the story's id, the same on every machine. */
const STORY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function isStoryDocumentName(name: string): boolean {
  return STORY_ID.test(name)
}

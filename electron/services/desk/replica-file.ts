/**
 * Beside `article.json` in the story's folder: every change to the shared story, in order. Its
 * presence is what makes a story shared, so this name lives apart from the replica itself: the
 * check runs on every article opened, and must not load Yjs to do it.
 */
export const REPLICA_FILE = 'desk-updates.yjs'

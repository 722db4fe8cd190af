import type { EditorOptions } from '@tiptap/core'

/**
 * TipTap's built-in extensions the story's editors run with. Its `delete` extension replays
 * every step of every transaction against the document to emit "delete" events, which nothing
 * here listens to: a paste while suggesting is thousands of steps, and replaying them took 1.4 s
 * of a 1 MB paste.
 */
export const STORY_CORE_EXTENSIONS: EditorOptions['enableCoreExtensions'] = { delete: false }
